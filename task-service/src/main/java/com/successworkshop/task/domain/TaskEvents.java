package com.successworkshop.task.domain;

import java.time.Instant;
import java.util.UUID;

/** The data of every event on task-events, raised by the aggregates; documented in src/main/asyncapi/task-service.yaml. */
public final class TaskEvents {

    private TaskEvents() {
    }

    public record TaskStatusChanged(UUID engagementId, String partnerId, UUID taskId, TaskKind kind, Integer ftopTaskId, String name,
                                    boolean mandatory, TaskStatus previousStatus, TaskStatus status, String reason,
                                    String changedBy, Instant changedAt) {
    }

    /** engagement-service keeps exactly this shape as its read model for the overview. */
    public record TaskProgressChanged(UUID engagementId, String partnerId, int mandatoryDone, int mandatoryTotal, int overdue) {
    }
}
