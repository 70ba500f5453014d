package com.successworkshop.engagement.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of task-service's TaskProgressChanged, for the overview. */
@Entity
@Table(name = "task_progress")
public class TaskProgress {

    @Id
    private UUID engagementId;
    private int mandatoryDone;
    private int mandatoryTotal;
    private int overdue;
    private Instant lastEventAt;

    protected TaskProgress() {
    }

    public TaskProgress(UUID engagementId) {
        this.engagementId = engagementId;
    }

    /** The progress an event reports; an older event than the one applied changes nothing (false). */
    public boolean apply(Instant eventTime, int done, int total, int overdueTasks) {
        if (lastEventAt != null && lastEventAt.isAfter(eventTime)) {
            return false;
        }
        mandatoryDone = done;
        mandatoryTotal = total;
        overdue = overdueTasks;
        lastEventAt = eventTime;
        return true;
    }

    public UUID engagementId() {
        return engagementId;
    }

    public int mandatoryDone() {
        return mandatoryDone;
    }

    public int mandatoryTotal() {
        return mandatoryTotal;
    }

    public int overdue() {
        return overdue;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
