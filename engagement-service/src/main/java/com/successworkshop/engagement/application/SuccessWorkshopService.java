package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.WorkshopOutcomes;
import com.successworkshop.engagement.domain.WorkshopState;
import com.successworkshop.engagement.application.EngagementMapper;
import com.successworkshop.engagement.domain.EngagementEvents;
import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.engagement.repository.EligibilityDecisionRepository;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.application.EngagementViews.CancelWorkshop;
import com.successworkshop.engagement.application.EngagementViews.CompleteWorkshop;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.RescheduleWorkshop;
import com.successworkshop.engagement.application.EngagementViews.ScheduleWorkshop;
import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The success workshop's lifecycle: kickoff → schedule → reschedule/cancel → complete, with the playbook's gates. */
@ApplicationScoped
@Transactional
public class SuccessWorkshopService {

    @Inject
    EngagementService engagements;
    @Inject
    EligibilityDecisionRepository decisions;
    @Inject
    ReadModelRepository readModels;
    @Inject
    OutboxWriter outbox;

    public EngagementView completeKickoff(UUID id, String ifMatch) {
        Engagement e = engagements.load(id, ifMatch, false);
        if (e.kickoffCompletedAt != null) {
            throw ProblemException.conflict("kickoff.already-complete", "The customer kickoff was already completed at " + e.kickoffCompletedAt);
        }
        e.kickoffCompletedAt = Instant.now();
        engagements.touch(e);
        UUID eventId = outbox.append("KickoffCompleted", e.id.toString(), new EngagementEvents.KickoffCompleted(e.id, e.partnerId, e.kickoffCompletedAt));
        engagements.record(e, "KICKOFF_COMPLETED", "Customer kickoff completed", eventId);
        return done(e);
    }

    public EngagementView schedule(UUID id, String ifMatch, ScheduleWorkshop req) {
        Engagement e = engagements.load(id, ifMatch, false);
        // Prerequisites: the customer kickoff meeting is complete.
        if (e.kickoffCompletedAt == null) {
            throw ProblemException.conflict("prerequisites.kickoff-complete",
                    "The success workshop can be scheduled only after the customer kickoff is complete (playbook: Prerequisites)");
        }
        // Prerequisites: not for customers in the enterprise add-on adoption benefit program (its activities overlap).
        if (e.enrolledInAdoptionBenefit) {
            throw ProblemException.conflict("prerequisites.not-enrolled-in-adoption-benefit",
                    "The customer is enrolled in the enterprise FastTrack add-on adoption benefit program, whose activities overlap this workshop (playbook: Prerequisites)");
        }
        if (e.workshopState == WorkshopState.SCHEDULED || e.workshopState == WorkshopState.COMPLETED) {
            throw ProblemException.conflict("workshop.state", "The workshop is already " + e.workshopState.name().toLowerCase()
                    + (e.workshopState == WorkshopState.SCHEDULED ? "; reschedule it instead" : ""));
        }
        e.workshopState = WorkshopState.SCHEDULED;
        e.workshopStartsAt = req.startsAt();
        e.workshopDurationMinutes = req.durationMinutes();
        e.workshopAttendees = req.attendees() == null ? List.of() : req.attendees();
        e.workshopAgenda = req.agenda() == null ? List.of() : req.agenda();
        e.workshopCancelReason = null;
        engagements.touch(e);
        UUID eventId = outbox.append("WorkshopScheduled", e.id.toString(), new EngagementEvents.WorkshopScheduled(e.id, e.partnerId,
                e.workshopStartsAt, e.workshopDurationMinutes, e.workshopAttendees));
        engagements.record(e, "WORKSHOP_SCHEDULED", "Success workshop scheduled for " + e.workshopStartsAt, eventId);
        return done(e);
    }

    public EngagementView reschedule(UUID id, String ifMatch, RescheduleWorkshop req) {
        Engagement e = engagements.load(id, ifMatch, false);
        requireScheduled(e, "rescheduled");
        Instant previous = e.workshopStartsAt;
        e.workshopStartsAt = req.startsAt();
        e.workshopDurationMinutes = req.durationMinutes();
        engagements.touch(e);
        UUID eventId = outbox.append("WorkshopRescheduled", e.id.toString(), new EngagementEvents.WorkshopRescheduled(e.id, e.partnerId,
                previous, e.workshopStartsAt, e.workshopDurationMinutes, req.reason()));
        engagements.record(e, "WORKSHOP_RESCHEDULED", "Success workshop moved from " + previous + " to " + e.workshopStartsAt, eventId);
        return done(e);
    }

    public EngagementView cancel(UUID id, String ifMatch, CancelWorkshop req) {
        Engagement e = engagements.load(id, ifMatch, false);
        requireScheduled(e, "cancelled");
        e.workshopState = WorkshopState.CANCELLED;
        e.workshopCancelReason = req.reason();
        engagements.touch(e);
        UUID eventId = outbox.append("WorkshopCancelled", e.id.toString(), new EngagementEvents.WorkshopCancelled(e.id, e.partnerId, req.reason()));
        engagements.record(e, "WORKSHOP_CANCELLED", "Success workshop cancelled: " + req.reason(), eventId);
        return done(e);
    }

    public EngagementView complete(UUID id, String ifMatch, CompleteWorkshop req) {
        Engagement e = engagements.load(id, ifMatch, false);
        requireScheduled(e, "completed");
        requireSsatRecorded(e);
        e.workshopState = WorkshopState.COMPLETED;
        e.workshopCompletedAt = Instant.now();
        e.workshopOutcomes = new WorkshopOutcomes(req.successDefined(), req.successPlanOwner(), req.communicationChannel(),
                req.checkInCadence(), req.levelOfEffort(), req.notes());
        if (e.checkInCadence == null) {
            e.checkInCadence = req.checkInCadence();
        }
        engagements.touch(e);
        UUID eventId = outbox.append("WorkshopCompleted", e.id.toString(), new EngagementEvents.WorkshopCompleted(e.id, e.partnerId,
                e.workshopCompletedAt, e.workshopOutcomes, EngagementService.codes(e.activeWorkloads())));
        engagements.record(e, "WORKSHOP_COMPLETED", "Success workshop completed", eventId);
        return done(e);
    }

    /** Outcomes: the FM confirms SSAT of every intended service (or why there is none) before the workshop is complete. */
    private void requireSsatRecorded(Engagement e) {
        List<String> intended = EngagementService.codes(e.activeWorkloads());
        SsatReadiness r = readModels.ssat(e.id).orElse(null);
        if (r != null && r.allRecorded && r.servicesTotal >= intended.size()) {
            return;
        }
        List<String> reported = r == null ? List.of() : intended.stream().filter(r.missingServices::contains).toList();
        List<String> missing = reported.isEmpty() ? intended : reported;
        String seen = r == null ? "no SSAT readiness has been received from ssat-service yet"
                : "as of the last SSAT event received at " + r.lastEventAt;
        throw new ProblemException(Problem.of(409, "rule-violated", "Conflict",
                        "SSAT is not recorded for every intended service (playbook: Outcomes). Missing: " + String.join(", ", missing)
                                + ". This view is eventually consistent: " + seen + ".")
                .withRule("outcomes.ssat-recorded-for-every-intended-service")
                .withErrors(missing.stream().map(s -> new Problem.FieldError("intendedServices." + s,
                        "SSAT not recorded: set every factor or mark the service as having no prerequisites")).toList()));
    }

    private static void requireScheduled(Engagement e, String verb) {
        if (e.workshopState != WorkshopState.SCHEDULED) {
            throw ProblemException.conflict("workshop.state", "Only a scheduled workshop can be " + verb + "; it is " + e.workshopState);
        }
    }

    private EngagementView done(Engagement e) {
        engagements.flush();
        return EngagementMapper.view(e, decisions.current(e.id).orElse(null));
    }
}
