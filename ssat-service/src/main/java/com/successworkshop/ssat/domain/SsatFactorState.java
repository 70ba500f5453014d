package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One cell of the matrix: a success factor of a service, its status, gap or reason, owner and last change. */
@Entity
@Table(name = "ssat_factor_state")
public class SsatFactorState {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "service_id")
    private IntendedService service;

    @Enumerated(EnumType.STRING)
    private SsatFactor factor;
    @Enumerated(EnumType.STRING)
    private FactorStatus status;
    private String gap;
    private String reason;
    private String owner;
    private String changedBy;
    private Instant changedAt;

    protected SsatFactorState() {
    }

    /**
     * Capture SSAT: a factor starts NOT_STARTED. Only a factor's first change makes it a row with an id: the unchanged
     * ones are read many times per event (readiness, gaps) and a random UUID costs more than the rest of the read.
     */
    SsatFactorState(IntendedService service, SsatFactor factor, boolean row) {
        this.id = row ? UUID.randomUUID() : null;
        this.service = service;
        this.factor = factor;
        this.status = FactorStatus.NOT_STARTED;
    }

    /**
     * Capture SSAT: NOT_STARTED is only the initial state; a gap needs its text and "not applicable" its reason.
     * A null owner keeps the owner, a blank one clears it. Returns the status before the change.
     */
    FactorStatus change(FactorStatus next, String gap, String reason, String owner, String actor, Instant now) {
        if (next == FactorStatus.NOT_STARTED && status != FactorStatus.NOT_STARTED) {
            throw DomainException.invalid("status", "cannot go back to NOT_STARTED from " + status
                    + "; use IN_PROGRESS, GAP_IDENTIFIED or NOT_APPLICABLE");
        }
        if (next == FactorStatus.GAP_IDENTIFIED && (gap == null || gap.isBlank())) {
            throw DomainException.invalid("gap", "is required when status is GAP_IDENTIFIED");
        }
        if (next == FactorStatus.NOT_APPLICABLE && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "is required when status is NOT_APPLICABLE");
        }
        FactorStatus previous = status;
        this.status = next;
        this.gap = next == FactorStatus.GAP_IDENTIFIED ? gap.trim() : null;
        this.reason = next == FactorStatus.NOT_APPLICABLE ? reason.trim() : null;
        if (owner != null) {
            this.owner = owner.isBlank() ? null : owner.trim();
        }
        this.changedBy = actor;
        this.changedAt = now;
        return previous;
    }

    public IntendedService service() {
        return service;
    }

    public SsatFactor factor() {
        return factor;
    }

    public FactorStatus status() {
        return status;
    }

    public String gap() {
        return gap;
    }

    public String reason() {
        return reason;
    }

    public String owner() {
        return owner;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
