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
    public UUID engagementId;
    public int mandatoryDone;
    public int mandatoryTotal;
    public int overdue;
    public Instant lastEventAt;
}
