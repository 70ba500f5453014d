package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.Attendee;
import com.successworkshop.engagement.domain.CheckInCadence;
import com.successworkshop.engagement.domain.WorkshopOutcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of every event on engagement-events, raised by {@link Engagement}; documented in
 * src/main/asyncapi/engagement-service.yaml.
 */
public final class EngagementEvents {

    private EngagementEvents() {
    }

    /** What every event's data carries: the engagement it concerns and its partner. */
    public sealed interface EngagementEvent {
        UUID engagementId();

        String partnerId();
    }

    public record EngagementCreated(UUID engagementId, String partnerId, String customerName, String fastTrackManager,
                                    int licenceCount, boolean enterprise, boolean enrolledInAdoptionBenefit,
                                    List<String> intendedServices) implements EngagementEvent {
    }

    public record IntendedServicesChanged(UUID engagementId, String partnerId, List<String> added, List<String> removed,
                                          List<String> intendedServices) implements EngagementEvent {
    }

    public record KickoffCompleted(UUID engagementId, String partnerId, Instant completedAt) implements EngagementEvent {
    }

    public record WorkshopScheduled(UUID engagementId, String partnerId, Instant startsAt, int durationMinutes,
                                    List<Attendee> attendees) implements EngagementEvent {
    }

    public record WorkshopRescheduled(UUID engagementId, String partnerId, Instant previousStartsAt, Instant startsAt,
                                      int durationMinutes, String reason) implements EngagementEvent {
    }

    public record WorkshopCancelled(UUID engagementId, String partnerId, String reason) implements EngagementEvent {
    }

    public record WorkshopCompleted(UUID engagementId, String partnerId, Instant completedAt, WorkshopOutcomes outcomes,
                                    List<String> intendedServices) implements EngagementEvent {
    }

    public record EligibilityDetermined(UUID engagementId, String partnerId, String benefit, boolean eligible,
                                        List<String> reasons, String rulesVersion, int licenceCount, boolean enterprise)
            implements EngagementEvent {
    }

    public record CheckInScheduled(UUID engagementId, String partnerId, CheckInCadence cadence, LocalDate nextDate,
                                   List<Attendee> attendees) implements EngagementEvent {
    }

    public record CheckInHeld(UUID engagementId, String partnerId, UUID checkInId, LocalDate heldOn, List<Attendee> attendees,
                              Integer checklistVersion, Integer checklistCompletenessPercent, Integer planPercentDone,
                              Integer actionsOpen, LocalDate nextDate) implements EngagementEvent {
    }

    public record FastTrackManagerChanged(UUID engagementId, String partnerId, String previousFastTrackManager, String fastTrackManager)
            implements EngagementEvent {
    }
}
