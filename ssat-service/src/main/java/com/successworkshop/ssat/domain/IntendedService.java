package com.successworkshop.ssat.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One intended service in the matrix. Retired when removed from the engagement, never deleted. */
@Entity
@Table(name = "ssat_service")
public class IntendedService {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "engagement_id")
    private SsatMatrix matrix;

    @Enumerated(EnumType.STRING)
    private Workload workload;

    /** Set when the customer has no adoption prerequisites for this service (Outcomes: "or records why"). */
    private String noPrerequisitesReason;
    private String noPrerequisitesBy;
    private Instant noPrerequisitesAt;

    private Instant addedAt;
    private Instant retiredAt;

    /** Only the factors changed at least once: a factor without a row is NOT_STARTED (a new service writes one row, not five). */
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    private List<SsatFactorState> factors = new ArrayList<>();

    protected IntendedService() {
    }

    /** Capture SSAT: a new intended service starts with the four success factors NOT_STARTED. */
    IntendedService(SsatMatrix matrix, Workload workload, Instant at) {
        this.id = UUID.randomUUID();
        this.matrix = matrix;
        this.workload = workload;
        this.addedAt = at;
    }

    /** The factor as it stands; one never changed is NOT_STARTED (and has no row). */
    public SsatFactorState factor(SsatFactor f) {
        return changed(f).orElseGet(() -> new SsatFactorState(this, f, false));
    }

    /** The factor's row, added (persisted with the matrix) on its first change. */
    SsatFactorState factorToChange(SsatFactor f) {
        return changed(f).orElseGet(() -> {
            SsatFactorState row = new SsatFactorState(this, f, true);
            factors.add(row);
            return row;
        });
    }

    private Optional<SsatFactorState> changed(SsatFactor f) {
        return factors.stream().filter(s -> s.factor() == f).findFirst();
    }

    /** Outcomes: recorded when every factor is set, or the service is marked with a reason. */
    public boolean recorded() {
        return noPrerequisitesReason != null || factors().stream().noneMatch(f -> f.status() == FactorStatus.NOT_STARTED);
    }

    public boolean retired() {
        return retiredAt != null;
    }

    void retire(Instant at) {
        retiredAt = at;
    }

    void reinstate() {
        retiredAt = null;
    }

    /** Outcomes: "or records why the customer has none"; a null reason withdraws the mark. */
    void noPrerequisites(String reason, String actor, Instant now) {
        noPrerequisitesReason = reason;
        noPrerequisitesBy = actor;
        noPrerequisitesAt = now;
    }

    public SsatMatrix matrix() {
        return matrix;
    }

    public Workload workload() {
        return workload;
    }

    public String noPrerequisitesReason() {
        return noPrerequisitesReason;
    }

    public String noPrerequisitesBy() {
        return noPrerequisitesBy;
    }

    public Instant noPrerequisitesAt() {
        return noPrerequisitesAt;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    /** All four success factors, in the playbook's order. */
    public List<SsatFactorState> factors() {
        return Arrays.stream(SsatFactor.values()).map(this::factor).toList();
    }
}
