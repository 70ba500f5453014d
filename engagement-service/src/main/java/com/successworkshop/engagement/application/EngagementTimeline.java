package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementEvents.CheckInHeld;
import com.successworkshop.engagement.domain.EngagementEvents.FastTrackManagerChanged;
import com.successworkshop.engagement.domain.EngagementEvents.CheckInScheduled;
import com.successworkshop.engagement.domain.EngagementEvents.EligibilityDetermined;
import com.successworkshop.engagement.domain.EngagementEvents.EngagementCreated;
import com.successworkshop.engagement.domain.EngagementEvents.EngagementEvent;
import com.successworkshop.engagement.domain.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.engagement.domain.EngagementEvents.KickoffCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCancelled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopRescheduled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopScheduled;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.security.CurrentPartner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The engagement's timeline (who, when, what): one entry per event the engagement raised, written by the unit of work
 * with the id the outbox gave the event; {@link #note} for a change that publishes no event.
 */
@ApplicationScoped
public class EngagementTimeline implements UnitOfWork.EventRecorder {

    @Inject
    TimelineRepository timeline;
    @Inject
    CurrentPartner caller;

    private record Entry(String kind, String summary) {
    }

    @Override
    public void record(DomainEvent event, UUID eventId) {
        EngagementEvent data = (EngagementEvent) event.data();
        Entry entry = switch (data) {
            case EngagementCreated c -> new Entry("ENGAGEMENT_CREATED", "Engagement created for " + c.customerName() + " with " + c.intendedServices());
            case IntendedServicesChanged c when !c.added().isEmpty() ->
                    new Entry("INTENDED_SERVICE_ADDED", c.added().getFirst() + " added to the intended services");
            case IntendedServicesChanged c ->
                    new Entry("INTENDED_SERVICE_REMOVED", c.removed().getFirst() + " removed from the intended services (kept as retired)");
            case KickoffCompleted k -> new Entry("KICKOFF_COMPLETED", "Customer kickoff completed");
            case WorkshopScheduled s -> new Entry("WORKSHOP_SCHEDULED", "Success workshop scheduled for " + s.startsAt());
            case WorkshopRescheduled r ->
                    new Entry("WORKSHOP_RESCHEDULED", "Success workshop moved from " + r.previousStartsAt() + " to " + r.startsAt());
            case WorkshopCancelled c -> new Entry("WORKSHOP_CANCELLED", "Success workshop cancelled: " + c.reason());
            case WorkshopCompleted c -> new Entry("WORKSHOP_COMPLETED", "Success workshop completed");
            case EligibilityDetermined d -> new Entry("ELIGIBILITY_DETERMINED", "Enhanced Adoption Service: "
                    + (d.eligible() ? "eligible" : "not eligible") + " (" + String.join("; ", d.reasons()) + ")");
            case CheckInScheduled c -> new Entry("CHECK_IN_SCHEDULED", c.cadence() + " check-ins from " + c.nextDate());
            case FastTrackManagerChanged f -> new Entry("FAST_TRACK_MANAGER_CHANGED", "FastTrack Manager changed from "
                    + f.previousFastTrackManager() + " to " + f.fastTrackManager());
            case CheckInHeld h -> new Entry("CHECK_IN_HELD", "Check-in held on " + h.heldOn()
                    + (h.planPercentDone() == null ? "" : "; plan " + h.planPercentDone() + " % done")
                    + (h.checklistCompletenessPercent() == null ? "" : ", checklist " + h.checklistCompletenessPercent() + " % complete")
                    + "; next " + h.nextDate());
        };
        write(data.engagementId(), data.partnerId(), entry.kind(), entry.summary(), eventId);
    }

    /** A change other services do not follow (no event), on the timeline all the same. */
    public void note(Engagement e, String kind, String summary) {
        write(e.id(), e.partnerId(), kind, summary, null);
    }

    private void write(UUID engagementId, String partnerId, String kind, String summary, UUID eventId) {
        timeline.record(engagementId, partnerId, caller.actor(), kind, summary, eventId, Instant.now());
    }
}
