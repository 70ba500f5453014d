package com.successworkshop.engagement.domain;

import com.successworkshop.kit.domain.DomainException;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A service the customer intends to deploy, with its FTOP Services-tab fields; changed only through its engagement. */
@Entity
@Table(name = "intended_service")
public class IntendedService {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "engagement_id")
    private Engagement engagement;

    @Embedded
    private ServicesTabRow row;
    private Instant addedAt;
    private Instant removedAt;

    protected IntendedService() {
    }

    /** {@code field}: where the row came from in the request ("" for a row of its own), named in an invalid-input error. */
    IntendedService(Engagement engagement, ServicesTabRow row, String field, Instant now) {
        this.id = UUID.randomUUID();
        this.engagement = engagement;
        this.addedAt = now;
        setStatus(row, field);
    }

    /** FTOP Services tab: the L2 value must belong to its L1; In Progress and Blocked need a target date. */
    void setStatus(ServicesTabRow row, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        ServiceStatus l1 = Objects.requireNonNullElse(row.l1Status(), ServiceStatus.STATUS_UNKNOWN);
        if (row.l2Status() != null && !l1.l2Values.contains(row.l2Status())) {
            throw DomainException.invalid(prefix + "l2Status", "for " + l1 + " must be one of " + l1.l2Values);
        }
        if (l1.requiresTargetDate && row.targetDate() == null) {
            throw DomainException.invalid(prefix + "targetDate", "is required when l1Status is " + l1);
        }
        this.row = new ServicesTabRow(row.workload(), l1, row.l2Status(), row.targetDate(), row.owner(), row.notes(),
                row.nextAction(), row.nextActionDate());
    }

    /** A removed service is retired, never deleted. */
    void retire(Instant now) {
        removedAt = now;
    }

    /** Intended again: the row is kept, with the status given now. */
    void restore(ServicesTabRow row) {
        setStatus(row, "");
        removedAt = null;
    }

    public boolean active() {
        return removedAt == null;
    }

    public Workload workload() {
        return row.workload();
    }

    /** Its Services-tab row as last set (L1 never null: an unset status is STATUS_UNKNOWN). */
    public ServicesTabRow row() {
        return row;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Instant removedAt() {
        return removedAt;
    }
}
