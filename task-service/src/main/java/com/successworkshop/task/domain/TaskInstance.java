package com.successworkshop.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One engagement's task; copies the template version it was made from, so a later version never changes it. */
@Entity
@Table(name = "task_instance")
public class TaskInstance {

    @Id
    public UUID id;
    @Version
    public long version;
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

    /** Derived, never stored: due in the past and still open. */
    public boolean overdue(LocalDate today) {
        return retiredAt == null && dueDate != null && dueDate.isBefore(today) && !status.isClosed();
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
