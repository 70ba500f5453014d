package com.successworkshop.engagement.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.successworkshop.engagement.domain.Attendee;
import com.successworkshop.engagement.domain.BusinessReason;
import com.successworkshop.engagement.domain.CheckInCadence;
import com.successworkshop.engagement.domain.EngagementPhase;
import com.successworkshop.engagement.domain.EngagementStatus;
import com.successworkshop.engagement.domain.ServiceStatus;
import com.successworkshop.engagement.domain.Workload;
import com.successworkshop.engagement.domain.WorkshopOutcomes;
import com.successworkshop.engagement.domain.WorkshopState;
import com.successworkshop.kit.domain.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the engagement use cases take and return: the request and response bodies of the engagement API. */
public final class EngagementViews {

    private EngagementViews() {
    }

    @Schema(description = "DIBS: the four prerequisites confirmed at kickoff; a missing one is a risk")
    public record Dibs(@Schema(example = "2027-03-31") LocalDate dueDate,
                       @Size(max = 2000) @Schema(example = "Move file shares to OneDrive and SharePoint") String intent,
                       @Schema(example = "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE") BusinessReason businessReason,
                       @Size(max = 200) @Schema(example = "Aiko Tanaka, CIO") String successOwner) {
    }

    @Schema(description = "A service the customer intends to deploy, with its FTOP Services-tab fields")
    public record IntendedServiceInput(@NotNull @Schema(example = "OD") Workload workload,
                                       @Schema(example = "IN_PROGRESS") ServiceStatus l1Status,
                                       @Size(max = 80) @Schema(example = "Technical Onboarding and Deployment") String l2Status,
                                       @Schema(example = "2027-02-28") LocalDate targetDate,
                                       @Size(max = 200) String owner,
                                       @Size(max = 2000) String notes,
                                       @Size(max = 500) String nextAction,
                                       LocalDate nextActionDate) {
    }

    @Schema(description = "FTOP Services-tab fields of an intended service named in the path")
    public record ServiceStatusUpdate(@Schema(example = "BLOCKED") ServiceStatus l1Status,
                                      @Size(max = 80) @Schema(example = "Legal/Regulatory") String l2Status,
                                      @Schema(example = "2027-02-28") LocalDate targetDate,
                                      @Size(max = 200) String owner,
                                      @Size(max = 2000) String notes,
                                      @Size(max = 500) String nextAction,
                                      LocalDate nextActionDate) {
    }

    public record CreateEngagement(@NotBlank @Size(max = 200) @Schema(example = "Contoso Ltd") String customerName,
                                   @Size(max = 100) @Schema(example = "contoso.onmicrosoft.com") String customerTenantId,
                                   @NotBlank @Size(max = 200) @Schema(example = "fm@partner.example") String fastTrackManager,
                                   @NotNull @Min(0) @Max(10_000_000) @Schema(example = "25000") Integer licenceCount,
                                   @Schema(example = "true") Boolean enterprise,
                                   @Schema(example = "false") Boolean enrolledInAdoptionBenefit,
                                   EngagementPhase phase,
                                   EngagementStatus status,
                                   @Valid Dibs dibs,
                                   @NotEmpty @Size(max = 30) List<@Valid @NotNull IntendedServiceInput> intendedServices) {
    }

    @Schema(description = "Fields to change; absent fields stay as they are")
    public record UpdateEngagement(@Size(min = 1, max = 200) String customerName,
                                   @Size(max = 100) String customerTenantId,
                                   @Size(min = 1, max = 200) String fastTrackManager,
                                   @Min(0) @Max(10_000_000) Integer licenceCount,
                                   Boolean enterprise,
                                   Boolean enrolledInAdoptionBenefit,
                                   EngagementPhase phase,
                                   EngagementStatus status,
                                   @Valid Dibs dibs) {
    }

    public record ScheduleWorkshop(@NotNull @Future @Schema(example = "2027-01-15T09:00:00Z") Instant startsAt,
                                   @NotNull @Min(15) @Max(480) @Schema(example = "120") Integer durationMinutes,
                                   @Size(max = 50) List<@Valid @NotNull Attendee> attendees,
                                   @Size(max = 30) List<@NotBlank @Size(max = 500) String> agenda) {
    }

    public record RescheduleWorkshop(@NotNull @Future Instant startsAt,
                                     @NotNull @Min(15) @Max(480) Integer durationMinutes,
                                     @Size(max = 2000) String reason) {
    }

    public record CancelWorkshop(@NotBlank @Size(max = 2000) @Schema(example = "Customer asked to postpone") String reason) {
    }

    public record CompleteWorkshop(@NotNull Boolean successDefined,
                                   @Size(max = 200) @Schema(example = "Aiko Tanaka") String successPlanOwner,
                                   @Size(max = 200) @Schema(example = "Microsoft Teams") String communicationChannel,
                                   @NotNull CheckInCadence checkInCadence,
                                   @Size(max = 200) @Schema(example = "Medium") String levelOfEffort,
                                   @Size(max = 4000) String notes) {
    }

    public record ScheduleCheckIns(@NotNull CheckInCadence cadence,
                                   @NotNull @FutureOrPresent LocalDate nextDate,
                                   @Size(max = 50) List<@Valid @NotNull Attendee> attendees) {
    }

    public record HoldCheckIn(@NotNull @Schema(example = "2027-02-12") LocalDate heldOn,
                              @Size(max = 50) List<@Valid @NotNull Attendee> attendees,
                              @Size(max = 8000) @Schema(example = "Reviewed the checklist and the OneDrive actions") String notes,
                              @Size(max = 50) List<@NotBlank @Size(max = 500) String> decisions) {
    }

    // --- responses

    @Schema(description = "The plan and checklist as the check-in reviewed them (null: no plan event had reached this service yet)")
    public record CheckInReviewView(Integer checklistVersion, Integer checklistCompletenessPercent, Integer planPercentDone,
                                    Integer actionsOpen, Integer actionsOverdue) {
    }

    public record CheckInView(@NotNull UUID id, @NotNull UUID engagementId, @NotNull LocalDate heldOn, @NotNull List<Attendee> attendees,
                              String notes, @NotNull List<String> decisions, @NotNull CheckInReviewView reviewed, LocalDate nextDate,
                              @NotNull String recordedBy, @NotNull Instant recordedAt) {
    }

    /** The success plan as this service last heard of it (asOf null: nothing heard yet). */
    public record SuccessPlanSummary(@NotNull int percentDone, @NotNull int actionsTotal, @NotNull int actionsDone, @NotNull int actionsOpen,
                                     @NotNull int actionsBlocked, @NotNull int actionsOverdue, Integer checklistVersion,
                                     Integer checklistCompletenessPercent, Instant asOf) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IntendedServiceView(Workload workload, ServiceStatus l1Status, String l2Status, LocalDate targetDate,
                                      String owner, String notes, String nextAction, LocalDate nextActionDate,
                                      Instant addedAt, Instant removedAt) {
    }

    public record WorkshopView(WorkshopState state, Instant startsAt, Integer durationMinutes, List<Attendee> attendees,
                               List<String> agenda, WorkshopOutcomes outcomes, Instant completedAt, String cancelReason) {
    }

    public record EligibilityView(String benefit, @NotNull boolean eligible, List<String> reasons, String rulesVersion,
                                  @NotNull int licenceCount, @NotNull boolean enterprise, Instant decidedAt) {
    }

    public record CheckInsView(CheckInCadence cadence, LocalDate nextDate, List<Attendee> attendees, List<LocalDate> upcoming) {
    }

    public record EngagementView(@NotNull UUID id, String partnerId, String customerName, String customerTenantId,
                                 String fastTrackManager, @NotNull int licenceCount, @NotNull boolean enterprise,
                                 @NotNull boolean enrolledInAdoptionBenefit, EngagementPhase phase, EngagementStatus status,
                                 Dibs dibs, List<String> dibsRisks, Instant kickoffCompletedAt, WorkshopView workshop,
                                 CheckInsView checkIns, List<IntendedServiceView> intendedServices,
                                 EligibilityView eligibility, @NotNull long version, Instant createdAt, Instant updatedAt) implements Versioned {
    }

    public record TimelineEntryView(@NotNull long id, Instant at, String actor, String kind, String summary, UUID eventId) {
    }

    /** asOf: when the read model last heard from its source service (null: nothing heard yet). */
    public record SsatSummary(@NotNull int servicesRecorded, @NotNull int servicesTotal, @NotNull boolean allRecorded, List<String> missingServices,
                              @NotNull int gaps, Instant asOf) {
    }

    public record TaskSummary(@NotNull int mandatoryDone, @NotNull int mandatoryTotal, @NotNull int overdue, Instant asOf) {
    }

    public record Overview(EngagementView engagement, List<String> intendedServices, SsatSummary ssat, TaskSummary tasks,
                           @NotNull boolean eligibleForEnhancedAdoptionService, LocalDate nextCheckIn, List<String> dibsRisks,
                           String nextStep, @NotNull SuccessPlanSummary successPlan, LocalDate lastCheckIn) {
    }
}
