package com.successworkshop.task.application;

import com.successworkshop.kit.domain.Versioned;
import com.successworkshop.task.domain.TaskKind;
import com.successworkshop.task.domain.TaskStatus;
import com.successworkshop.task.domain.TemplateStatus;
import com.successworkshop.task.domain.Workload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the use cases take and return: the request and response bodies of the task API. */
public final class TaskViews {

    private TaskViews() {
    }

    public record TemplateView(@NotNull UUID id, @NotNull int ftopTaskId, @NotNull int templateVersion, String name, @NotNull boolean mandatory, String fastTrackRole,
                               @NotNull boolean allServices, List<Workload> services, String serviceNames, String process, String phase,
                               String section, @NotNull int dueOffsetDays, TemplateStatus status, @NotNull boolean latest, Instant createdAt,
                               Instant publishedAt, Instant retiredAt, @NotNull long version) implements Versioned {
    }

    /** A new template (DRAFT), or the edit of one: a published version is never changed, the edit becomes a new version. */
    public record TemplateInput(@NotNull @Positive Integer ftopTaskId,
                                @NotBlank @Size(max = 500) String name,
                                @NotNull Boolean mandatory,
                                @NotBlank @Size(max = 100) String fastTrackRole,
                                Boolean allServices,
                                @Size(max = 18) List<@NotNull Workload> services,
                                @NotBlank @Size(max = 200) String process,
                                @Size(max = 50) String phase,
                                @Size(max = 200) String section,
                                @NotNull @Min(0) @Max(3650) Integer dueOffsetDays) {
    }

    public record ImportReport(String format, @NotNull int rows, @NotNull int created, @NotNull int updated, @NotNull int unchanged, @NotNull long millis) {
    }

    public record TaskView(@NotNull UUID id, UUID engagementId, TaskKind kind, Integer ftopTaskId, UUID templateId, Integer templateVersion,
                           String name, @NotNull boolean mandatory, String fastTrackRole, String section, TaskStatus status,
                           String statusReason, List<TaskStatus> allowedTransitions, String assignee, LocalDate dueDate,
                           @NotNull boolean overdue, String notes, Instant completedAt, String completedBy, UUID completedByEvent,
                           Instant retiredAt, Instant createdAt, Instant updatedAt, @NotNull long version) implements Versioned {
    }

    /** Only the fields present change. A status change to BLOCKED or NOT_APPLICABLE needs a reason. */
    public record TaskPatch(TaskStatus status,
                            @Size(max = 2000) String reason,
                            @Size(max = 200) String assignee,
                            LocalDate dueDate,
                            @Size(max = 4000) String notes) {
    }
}
