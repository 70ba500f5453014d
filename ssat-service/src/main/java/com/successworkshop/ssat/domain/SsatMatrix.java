package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import com.successworkshop.kit.persistence.PartnerScope;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SSAT matrix of one engagement: its intended services, each with the four success factors. It follows the
 * engagement's intended services, takes each factor's change under the playbook's rules, computes its own readiness
 * and gaps, and raises SsatFactorUpdated and SsatReadinessChanged for what changed.
 */
@Entity
@Filter(name = PartnerScope.FILTER)
@Table(name = "ssat_matrix")
public class SsatMatrix extends VersionedAggregate {

    @Id
    private UUID engagementId;

    private String partnerId;
    private String customerName;
    /** ce_time of the last IntendedServicesChanged applied; an older one changes nothing. */
    private Instant servicesChangedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private String snapshot;
    private Instant snapshotTakenAt;

    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "matrix", cascade = CascadeType.ALL)
    @OrderBy("workload")
    private List<IntendedService> services = new ArrayList<>();

    protected SsatMatrix() {
    }

    /** Capture SSAT: the engagement's matrix, every intended service with its four factors NOT_STARTED. */
    public static SsatMatrix open(UUID engagementId, String partnerId, String customerName, Collection<Workload> intended,
                                  Instant at, Instant now) {
        SsatMatrix m = new SsatMatrix();
        m.engagementId = engagementId;
        m.partnerId = partnerId;
        m.customerName = customerName;
        m.createdAt = now;
        m.updatedAt = now;
        m.servicesChangedAt = at;
        for (Workload w : intended) {
            m.services.add(new IntendedService(m, w, at));
        }
        m.raiseReadiness();
        return m;
    }

    /**
     * The engagement's intended services changed at {@code at}: new ones are added, removed ones retired (kept, left out
     * of readiness), returning ones reinstated. {@code target} is the whole new list, or null when only {@code added}
     * and {@code removed} are named. A list older than the one applied changes nothing (returns false).
     */
    public boolean changeIntendedServices(Instant at, Collection<Workload> target, Collection<Workload> added,
                                          Collection<Workload> removed, Instant now) {
        if (servicesChangedAt != null && at.isBefore(servicesChangedAt)) {
            return false;
        }
        Set<Workload> wanted = new LinkedHashSet<>();
        if (target != null) {
            wanted.addAll(target);
        } else {
            activeServices().forEach(s -> wanted.add(s.workload()));
            wanted.addAll(added);
            wanted.removeAll(removed);
        }
        boolean changed = false;
        for (Workload w : wanted) {
            IntendedService s = service(w).orElse(null);
            if (s == null) {
                services.add(new IntendedService(this, w, at));
                changed = true;
            } else if (s.retired()) {
                s.reinstate();
                changed = true;
            }
        }
        for (IntendedService s : activeServices()) {
            if (!wanted.contains(s.workload())) {
                s.retire(at);
                changed = true;
            }
        }
        servicesChangedAt = at;
        if (changed) {
            touch(now);
            raiseReadiness();
        }
        return true;
    }

    /** Capture SSAT: one success factor of one intended service (not a retired one) is set. */
    public void updateFactor(Workload workload, SsatFactor factor, FactorStatus status, String gap, String reason, String owner,
                             String actor, Instant now) {
        SsatFactorState f = activeService(workload).factorToChange(factor);
        FactorStatus previous = f.change(status, gap, reason, owner, actor, now);
        touch(now);
        raise("SsatFactorUpdated", engagementId, new SsatEvents.SsatFactorUpdated(engagementId, partnerId, workload, factor,
                previous, f.status(), f.gap(), f.reason(), f.owner(), f.changedBy(), f.changedAt()));
        raiseReadiness();
    }

    /** Outcomes: "or records why the customer has none" — the service counts as recorded with this reason. */
    public void markNoPrerequisites(Workload workload, String reason, String actor, Instant now) {
        activeService(workload).noPrerequisites(reason.trim(), actor, now);
        touch(now);
        raiseReadiness();
    }

    public void clearNoPrerequisites(Workload workload, String actor, Instant now) {
        activeService(workload).noPrerequisites(null, actor, now);
        touch(now);
        raiseReadiness();
    }

    /**
     * Outcomes: the matrix as it stood when the workshop completed, kept beside the live one; the first one wins.
     * {@code render} writes the matrix (its snapshotTakenAt already set) as the snapshot's JSON.
     */
    public void keepWorkshopSnapshot(Instant at, Function<SsatMatrix, String> render, Instant now) {
        if (snapshotTakenAt != null) {
            return;
        }
        snapshotTakenAt = at;
        snapshot = render.apply(this);
        touch(now);
    }

    /** Outcomes: retired services are left out; a service is recorded when every factor is set or it is marked with a reason. */
    public SsatReadiness readiness() {
        List<IntendedService> active = activeServices();
        int recorded = (int) active.stream().filter(IntendedService::recorded).count();
        List<Workload> missing = active.stream().filter(s -> !s.recorded()).map(IntendedService::workload)
                .sorted(Comparator.comparing(Workload::name)).toList();
        int inPlace = (int) active.stream().flatMap(s -> s.factors().stream()).filter(f -> f.status() == FactorStatus.IN_PLACE).count();
        int factorsTotal = active.stream().mapToInt(s -> s.factors().size()).sum();
        return new SsatReadiness(recorded, active.size(), recorded == active.size(), missing, inPlace, factorsTotal, gaps().size());
    }

    /** Every factor in GAP_IDENTIFIED on an intended (not retired) service, by service code then factor. */
    public List<SsatFactorState> gaps() {
        return activeServices().stream()
                .sorted(Comparator.comparing(s -> s.workload().name()))
                .flatMap(s -> s.factors().stream().sorted(Comparator.comparing(SsatFactorState::factor)))
                .filter(f -> f.status() == FactorStatus.GAP_IDENTIFIED)
                .toList();
    }

    public List<IntendedService> activeServices() {
        return services.stream().filter(s -> !s.retired()).toList();
    }

    public Optional<IntendedService> service(Workload workload) {
        return services.stream().filter(s -> s.workload() == workload).findFirst();
    }

    /** Whether {@code workload} is an intended service now (present and not retired). */
    public boolean intends(Workload workload) {
        return service(workload).filter(s -> !s.retired()).isPresent();
    }

    private IntendedService activeService(Workload workload) {
        IntendedService s = service(workload)
                .orElseThrow(() -> DomainException.notFound("Service " + workload + " in the SSAT matrix of engagement " + engagementId));
        if (s.retired()) {
            throw DomainException.ruleViolated("ssat.service-retired",
                    "Service " + workload + " was removed from the intended services; its SSAT is kept read-only");
        }
        return s;
    }

    /** Published on creation and on every change of services or factors: engagement-service's workshop gate reads it. */
    private void raiseReadiness() {
        SsatReadiness r = readiness();
        raise("SsatReadinessChanged", engagementId, new SsatEvents.SsatReadinessChanged(engagementId, partnerId,
                r.servicesRecorded(), r.servicesTotal(), r.allRecorded(), r.missingServices(), r.gaps(), r.factorsInPlace(),
                r.factorsTotal()));
    }

    /** A new updatedAt makes the matrix dirty, so a change to child rows alone still moves its version (ETag). */
    private void touch(Instant now) {
        updatedAt = now;
    }

    public UUID engagementId() {
        return engagementId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String customerName() {
        return customerName;
    }

    public Instant servicesChangedAt() {
        return servicesChangedAt;
    }

    public String snapshot() {
        return snapshot;
    }

    public Instant snapshotTakenAt() {
        return snapshotTakenAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<IntendedService> services() {
        return Collections.unmodifiableList(services);
    }
}
