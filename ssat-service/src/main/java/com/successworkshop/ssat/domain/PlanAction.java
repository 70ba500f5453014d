package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One action of the customer's success plan (playbook: Outcomes — "define the actions and owners"): what is done, for
 * which intended service and SSAT factor, the gap it closes, who owns it and by when. A gap in the SSAT matrix proposes
 * one; the FM accepts, edits or drops it.
 */
@Entity
@Table(name = "success_plan_action")
public class PlanAction extends VersionedAggregate {

    public static final String TRANSITION = "success-plan.transition";
    public static final String OWNER_REQUIRED = "success-plan.owner-required";
    public static final String NO_FACTOR = "success-plan.no-factor";

    /** What the FM writes about an action; service and factor together or neither. */
    public record Details(String title, String description, Workload service, SsatFactor factor, String gap, String ownerName,
                          String ownerOrganisation, OwnerRole ownerRole, LocalDate dueDate) {
    }

    @Id
    private UUID id;
    private UUID engagementId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private Workload workload;
    @Enumerated(EnumType.STRING)
    private SsatFactor factor;
    private String gap;
    private String ownerName;
    private String ownerOrganisation;
    @Enumerated(EnumType.STRING)
    private OwnerRole ownerRole;
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private ActionStatus status;
    private String statusReason;
    private String createdBy;
    private Instant createdAt;
    private String changedBy;
    private Instant updatedAt;

    protected PlanAction() {
    }

    /** The FM adds an action to the plan; it starts NOT_STARTED. */
    public static PlanAction plan(SsatMatrix matrix, Details d, String actor, Instant now) {
        return create(matrix, d, ActionStatus.NOT_STARTED, actor, now);
    }

    /** Capture SSAT: a gap recorded for a service's factor proposes the action that closes it. */
    public static PlanAction propose(SsatMatrix matrix, Workload service, SsatFactor factor, String gap, String actor, Instant now) {
        String title = "Close the " + factor.name().toLowerCase() + " gap for " + service;
        return create(matrix, new Details(title, null, service, factor, gap, null, null, null, null), ActionStatus.PROPOSED, actor, now);
    }

    private static PlanAction create(SsatMatrix matrix, Details d, ActionStatus status, String actor, Instant now) {
        PlanAction a = new PlanAction();
        a.id = UUID.randomUUID();
        a.engagementId = matrix.engagementId();
        a.status = status;
        a.createdBy = actor;
        a.createdAt = now;
        a.apply(matrix, d, actor, now);
        return a;
    }

    /** The FM edits what the action is; its status changes only through {@link #move}. */
    public void edit(SsatMatrix matrix, Details d, String actor, Instant now) {
        apply(matrix, d, actor, now);
    }

    /** A proposal's gap changed in the matrix before the FM decided on it: the proposal follows. */
    public void regap(String newGap, String actor, Instant now) {
        gap = newGap;
        changedBy = actor;
        updatedAt = now;
    }

    /**
     * The plan's rules for a status change: only the allowed moves; BLOCKED and DROPPED say why; work starts and ends with
     * an owner named (playbook: "owners named for every action").
     */
    public void move(ActionStatus to, String reason, String actor, Instant now) {
        if (to == status) {
            return;
        }
        if (!status.next().contains(to)) {
            throw DomainException.ruleViolated(TRANSITION, "An action " + status + " cannot become " + to + "; allowed: " + status.next());
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "an action " + to + " needs a reason");
        }
        if ((to == ActionStatus.IN_PROGRESS || to == ActionStatus.DONE) && ownerName == null) {
            throw DomainException.ruleViolated(OWNER_REQUIRED, "Name the action's owner before it is " + to);
        }
        status = to;
        statusReason = to.needsReason() ? reason.trim() : null;
        changedBy = actor;
        updatedAt = now;
    }

    /** Closing the action sets its factor IN_PLACE in the matrix (the FM asked for it), in the same transaction. */
    public void closeFactor(SsatMatrix matrix, String actor, Instant now) {
        if (workload == null || factor == null) {
            throw DomainException.ruleViolated(NO_FACTOR, "This action serves no SSAT factor; it cannot set one IN_PLACE");
        }
        matrix.updateFactor(workload, factor, FactorStatus.IN_PLACE, null, "Closed by success-plan action \"" + title + "\"",
                ownerName, actor, now);
    }

    /** Announces the change with the whole plan's progress after it, so a read model needs no other event. */
    public void announce(String partnerId, PlanProgress progress) {
        raise("SuccessPlanActionChanged", engagementId, new SsatEvents.SuccessPlanActionChanged(engagementId, partnerId, id, title,
                status, ownerName, dueDate, workload, factor, changedBy, updatedAt, progress));
    }

    private void apply(SsatMatrix matrix, Details d, String actor, Instant now) {
        if ((d.service() == null) != (d.factor() == null)) {
            throw DomainException.invalid(d.service() == null ? "service" : "factor", "service and factor go together (or neither)");
        }
        if (d.service() != null && d.service() != workload && !matrix.intends(d.service())) {
            throw DomainException.invalid("service", d.service() + " is not an intended service of this engagement");
        }
        if ((d.ownerName() == null || d.ownerName().isBlank()) && (status == ActionStatus.IN_PROGRESS || status == ActionStatus.DONE)) {
            throw DomainException.invalid("owner.name", "an action " + status + " keeps a named owner");
        }
        title = d.title().trim();
        description = d.description();
        workload = d.service();
        factor = d.factor();
        gap = d.gap();
        ownerName = d.ownerName() == null || d.ownerName().isBlank() ? null : d.ownerName().trim();
        ownerOrganisation = d.ownerOrganisation();
        ownerRole = d.ownerRole();
        dueDate = d.dueDate();
        changedBy = actor;
        updatedAt = now;
    }

    public UUID id() { return id; }
    public UUID engagementId() { return engagementId; }
    public String title() { return title; }
    public String description() { return description; }
    public Workload service() { return workload; }
    public SsatFactor factor() { return factor; }
    public String gap() { return gap; }
    public String ownerName() { return ownerName; }
    public String ownerOrganisation() { return ownerOrganisation; }
    public OwnerRole ownerRole() { return ownerRole; }
    public LocalDate dueDate() { return dueDate; }
    public ActionStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public String changedBy() { return changedBy; }
    public Instant updatedAt() { return updatedAt; }
}
