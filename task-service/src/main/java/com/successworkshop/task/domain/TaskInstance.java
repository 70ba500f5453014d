package com.successworkshop.task.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import com.successworkshop.kit.persistence.PartnerScope;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One engagement's task; copies the template version it was made from, so a later version never changes it. It owns the
 * task's state machine (see {@link TaskStatus}) and raises TaskStatusChanged for every status change.
 */
@Entity
@Filter(name = PartnerScope.FILTER)
@Table(name = "task_instance")
public class TaskInstance extends VersionedAggregate {

    public static final String RETIRED = "task.retired";
    public static final String TRANSITION = "task.transition";
    public static final String MANDATORY_NOT_APPLICABLE = "task.mandatory-not-applicable";
    static final String NEXT_STEPS = "Next steps";
    static final String FM = "FastTrack Manager";
    static final String BY_WORKSHOP_COMPLETED = "event:WorkshopCompleted";

    @Id
    public UUID id;
    public UUID engagementId;
    public String partnerId;
    /** FTOP:<template key>, ADOPTION_SME, CHECK_IN:<date>: one instance per key and engagement. */
    public String dedupeKey;
    @Enumerated(EnumType.STRING)
    public TaskKind kind;
    public UUID templateId;
    public Integer templateVersion;
    public Integer ftopTaskId;
    public String name;
    public boolean mandatory;
    public String fasttrackRole;
    public String section;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public String statusReason;
    public String assignee;
    public LocalDate dueDate;
    public String notes;
    public Instant completedAt;
    public String completedBy;
    public UUID completedByEvent;
    public Instant retiredAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** What a caller asks to change; a null field stays as it is. */
    public record Change(TaskStatus status, String reason, String assignee, LocalDate dueDate, String notes) {
    }

    /** An FTOP task for the engagement, as the published template version describes it (playbook: FTOP tasks). */
    static TaskInstance fromTemplate(EngagementRef engagement, TaskTemplate template, String key, LocalDate due, Instant now) {
        TaskInstance t = nextStep(engagement, key, TaskKind.FTOP, template.name, due, now);
        t.templateId = template.id;
        t.templateVersion = template.templateVersion;
        t.ftopTaskId = template.ftopTaskId;
        t.mandatory = template.mandatory;
        t.fasttrackRole = template.fasttrackRole;
        t.section = template.section;
        t.assignee = t.forManager() ? engagement.fastTrackManager : null;
        return t;
    }

    /** A task of the playbook's Next steps: the FM introduces an adoption SME, or holds a check-in. */
    static TaskInstance nextStep(EngagementRef engagement, String key, TaskKind kind, String name, LocalDate due, Instant now) {
        TaskInstance t = new TaskInstance();
        t.id = UUID.randomUUID();
        t.engagementId = engagement.engagementId;
        t.partnerId = engagement.partnerId;
        t.dedupeKey = key;
        t.kind = kind;
        t.name = name;
        t.mandatory = false;
        t.fasttrackRole = FM;
        t.section = NEXT_STEPS;
        t.status = TaskStatus.NOT_STARTED;
        t.dueDate = due;
        t.createdAt = now;
        t.updatedAt = now;
        t.assignee = engagement.fastTrackManager;
        return t;
    }

    /** A task whose FastTrack role is the FastTrack Manager: it belongs in the engagement's FM's inbox. */
    public boolean forManager() {
        return FM.equalsIgnoreCase(fasttrackRole == null ? "" : fasttrackRole.trim());
    }

    /**
     * The engagement's FM changed: an open FM-role task still with the previous FM (or with nobody) moves to the new one;
     * a task someone deliberately gave to another person stays theirs.
     */
    public boolean followManager(String previous, String next, Instant now) {
        if (!forManager() || status.isClosed() || retiredAt != null || next == null
                || !(assignee == null || assignee.equalsIgnoreCase(previous == null ? "" : previous)) || next.equals(assignee)) {
            return false;
        }
        assignee = next;
        updatedAt = now;
        return true;
    }

    /**
     * A caller's change of status, assignee, due date or notes. A retired task cannot change; a status follows the state
     * machine, BLOCKED and NOT_APPLICABLE need a reason, and only ops may set a mandatory task NOT_APPLICABLE.
     *
     * @return whether the engagement's progress (done, total, overdue) may have changed
     */
    public boolean change(Change change, String actor, boolean byOps, Instant now) {
        if (retiredAt != null) {
            throw DomainException.ruleViolated(RETIRED, "This task was retired (its service is no longer intended) and cannot change");
        }
        boolean progressMayChange = false;
        TaskStatus previous = status;
        if (change.status() != null && change.status() != status) {
            move(change.status(), change.reason(), actor, byOps, now);
            progressMayChange = true;
        }
        if (change.assignee() != null) {
            assignee = change.assignee().isBlank() ? null : change.assignee().trim();
        }
        if (change.dueDate() != null && !change.dueDate().equals(dueDate)) {
            dueDate = change.dueDate();
            progressMayChange = true;
        }
        if (change.notes() != null) {
            notes = change.notes().isBlank() ? null : change.notes();
        }
        // A new updatedAt makes the row dirty, so every accepted change moves the version (ETag).
        updatedAt = now;
        if (previous != status) {
            statusChanged(previous, actor, now);
        }
        return progressMayChange;
    }

    private void move(TaskStatus next, String reason, String actor, boolean byOps, Instant now) {
        if (!status.canMoveTo(next)) {
            List<TaskStatus> allowed = allowedTransitions();
            throw DomainException.ruleViolated(TRANSITION, "A task cannot move from " + status + " to " + next + "; allowed from "
                    + status + ": " + (allowed.isEmpty() ? "none" : allowed.toString()));
        }
        boolean needsReason = next == TaskStatus.BLOCKED || next == TaskStatus.NOT_APPLICABLE;
        if (needsReason && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "a reason is required to set " + next);
        }
        if (next == TaskStatus.NOT_APPLICABLE && mandatory && !byOps) {
            throw DomainException.ruleViolated(MANDATORY_NOT_APPLICABLE, "Only the ops role may set a mandatory task NOT_APPLICABLE");
        }
        status = next;
        statusReason = needsReason ? reason.trim() : null;
        if (next == TaskStatus.COMPLETED) {
            completedAt = now;
            completedBy = actor;
        }
        if (next == TaskStatus.NOT_STARTED) {
            completedAt = null;
        }
    }

    /** Playbook: Customer success workshop complete — WorkshopCompleted completes the task, whatever its state. */
    boolean completeByWorkshop(Instant at, UUID eventId, Instant now) {
        if (status == TaskStatus.COMPLETED) {
            return false;
        }
        TaskStatus previous = status;
        status = TaskStatus.COMPLETED;
        statusReason = "Completed by the WorkshopCompleted event";
        completedAt = at;
        completedBy = BY_WORKSHOP_COMPLETED;
        completedByEvent = eventId;
        retiredAt = null;
        updatedAt = now;
        statusChanged(previous, completedBy, now);
        return true;
    }

    /** The workshop task is due on the day the workshop is (re)scheduled for, while it is open. */
    boolean dueOnWorkshopDay(Instant startsAt, Instant now) {
        if (startsAt == null || status.isClosed()) {
            return false;
        }
        LocalDate day = startsAt.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.equals(dueDate)) {
            return false;
        }
        dueDate = day;
        updatedAt = now;
        return true;
    }

    /** Its service is no longer intended: the task leaves the list, but is kept. */
    void retire(Instant now) {
        retiredAt = now;
        updatedAt = now;
    }

    /** Its service is intended again. */
    void restore(Instant now) {
        retiredAt = null;
        updatedAt = now;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** The statuses the task may move to now, in a stable order; none once retired. */
    public List<TaskStatus> allowedTransitions() {
        return retiredAt != null ? List.of() : status.allowedNext().stream().sorted().toList();
    }

    /** Derived, never stored: due in the past and still open. */
    public boolean overdue(LocalDate today) {
        return retiredAt == null && dueDate != null && dueDate.isBefore(today) && !status.isClosed();
    }

    private void statusChanged(TaskStatus previous, String changedBy, Instant now) {
        raise("TaskStatusChanged", engagementId, new TaskEvents.TaskStatusChanged(engagementId, partnerId, id, kind, ftopTaskId, name,
                mandatory, previous, status, statusReason, changedBy, now));
    }
}
