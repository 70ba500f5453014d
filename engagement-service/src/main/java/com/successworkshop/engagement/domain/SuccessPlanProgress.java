package com.successworkshop.engagement.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of ssat-service's success plan: its progress and the checklist's completeness, for the overview and check-ins. */
@Entity
@Table(name = "success_plan_progress")
public class SuccessPlanProgress {

    @Id
    private UUID engagementId;
    private int actionsTotal;
    private int actionsDone;
    private int actionsOpen;
    private int actionsBlocked;
    private int actionsOverdue;
    private int percentDone;
    private Instant planChangedAt;
    private Integer checklistVersion;
    private Integer checklistCompletenessPercent;
    private Instant checklistChangedAt;

    protected SuccessPlanProgress() {
    }

    public SuccessPlanProgress(UUID engagementId) {
        this.engagementId = engagementId;
    }

    /** The plan after an action changed; an event older than the one applied changes nothing (false). */
    public boolean applyPlan(Instant changedAt, int total, int done, int open, int blocked, int overdue, int percent) {
        if (planChangedAt != null && planChangedAt.isAfter(changedAt)) {
            return false;
        }
        actionsTotal = total;
        actionsDone = done;
        actionsOpen = open;
        actionsBlocked = blocked;
        actionsOverdue = overdue;
        percentDone = percent;
        planChangedAt = changedAt;
        return true;
    }

    /** The checklist at a revision; an earlier revision than the one applied changes nothing (false). */
    public boolean applyChecklist(int version, int completenessPercent, Instant changedAt) {
        if (checklistVersion != null && checklistVersion >= version) {
            return false;
        }
        checklistVersion = version;
        checklistCompletenessPercent = completenessPercent;
        checklistChangedAt = changedAt;
        return true;
    }

    public UUID engagementId() { return engagementId; }
    public int actionsTotal() { return actionsTotal; }
    public int actionsDone() { return actionsDone; }
    public int actionsOpen() { return actionsOpen; }
    public int actionsBlocked() { return actionsBlocked; }
    public int actionsOverdue() { return actionsOverdue; }
    public int percentDone() { return percentDone; }
    public Instant planChangedAt() { return planChangedAt; }
    public Integer checklistVersion() { return checklistVersion; }
    public Integer checklistCompletenessPercent() { return checklistCompletenessPercent; }
    public Instant checklistChangedAt() { return checklistChangedAt; }
}
