package com.successworkshop.ssat.application;

import com.successworkshop.kit.domain.Versioned;
import com.successworkshop.ssat.domain.ActionStatus;
import com.successworkshop.ssat.domain.ChecklistItem;
import com.successworkshop.ssat.domain.ChecklistState;
import com.successworkshop.ssat.domain.OwnerRole;
import com.successworkshop.ssat.domain.PlanProgress;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.Workload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The success plan's request and response bodies. */
public final class PlanViews {

    private PlanViews() {
    }

    public record OwnerInput(@NotBlank @Size(max = 200) @Schema(example = "Aiko Tanaka") String name,
                             @Size(max = 200) @Schema(example = "Contoso Ltd") String organisation, OwnerRole role) {
    }

    public record ActionInput(@NotBlank @Size(max = 200) @Schema(example = "Run the OneDrive champions programme") String title,
                              @Size(max = 4000) String description, Workload service, SsatFactor factor,
                              @Size(max = 2000) String gap, @Valid OwnerInput owner, LocalDate dueDate) {
    }

    public record StatusChange(@NotNull ActionStatus status, @Size(max = 2000) String reason,
                               @Schema(description = "With DONE: set the action's SSAT factor IN_PLACE") Boolean setFactorInPlace) {
    }

    public record OwnerView(@NotNull String name, String organisation, OwnerRole role) {
    }

    public record ActionView(@NotNull UUID id, @NotNull UUID engagementId, @NotNull String title, String description,
                             Workload service, SsatFactor factor, String gap, OwnerView owner, LocalDate dueDate,
                             @NotNull ActionStatus status, String statusReason, @NotNull boolean overdue,
                             @NotNull String createdBy, @NotNull Instant createdAt, @NotNull String changedBy, @NotNull Instant updatedAt,
                             @NotNull long version) implements Versioned {
    }

    public record ChecklistItemChange(@NotNull ChecklistState state, @Size(max = 2000) String reason) {
    }

    public record ChecklistItemView(@NotNull ChecklistItem item, @NotNull String label, @NotNull ChecklistState state, String reason,
                                    String changedBy, Instant changedAt) {
    }

    public record ChecklistView(@NotNull UUID engagementId,
                                @NotNull @Schema(description = "Raised by every change; a check-in records the revision it reviewed") int revision,
                                @NotNull int completenessPercent, @NotNull List<ChecklistItemView> items, @NotNull Instant updatedAt,
                                @NotNull long version) implements Versioned {
    }

    public record ChecklistSummary(@NotNull int revision, @NotNull int completenessPercent, @NotNull int itemsTotal,
                                   @NotNull int itemsChecked, @NotNull int itemsNotApplicable) {
    }

    @Schema(description = "Proposed and dropped actions do not count; overdue = open with a due date before today")
    public record ProgressView(@NotNull int actionsTotal, @NotNull int actionsDone, @NotNull int actionsOpen, @NotNull int actionsBlocked,
                               @NotNull int actionsOverdue, @NotNull int percentDone) {
        static ProgressView of(PlanProgress p) {
            return new ProgressView(p.actionsTotal(), p.actionsDone(), p.actionsOpen(), p.actionsBlocked(), p.actionsOverdue(), p.percentDone());
        }
    }

    public record PlanView(@NotNull UUID engagementId, @NotNull ProgressView progress, @NotNull List<ActionView> actions,
                           @NotNull ChecklistSummary checklist) {
    }
}
