package com.successworkshop.ssat.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One intended service in the matrix. Retired when removed from the engagement, never deleted. */
@Entity
@Table(name = "ssat_service")
public class IntendedService {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "engagement_id")
    public SsatMatrix matrix;

    @Enumerated(EnumType.STRING)
    public Workload workload;

    /** Set when the customer has no adoption prerequisites for this service (Outcomes: "or records why"). */
    public String noPrerequisitesReason;
    public String noPrerequisitesBy;
    public Instant noPrerequisitesAt;

    public Instant addedAt;
    public Instant retiredAt;

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("factor")
    public List<SsatFactorState> factors = new ArrayList<>();

    public SsatFactorState factor(SsatFactor f) {
        return factors.stream().filter(s -> s.factor == f).findFirst().orElseThrow();
    }

    /** Outcomes: recorded when every factor is set, or the service is marked with a reason. */
    public boolean recorded() {
        return noPrerequisitesReason != null || factors.stream().noneMatch(f -> f.status == FactorStatus.NOT_STARTED);
    }
}
