package com.successworkshop.task.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.successworkshop.kit.consumer.IncomingEvent.requireEngagement;

/**
 * This consumer's own copy of the engagement-events it reads (engagement-service's AsyncAPI document is the contract;
 * ConsumerContractTest applies its examples). Versioned by the full CloudEvents type.
 */
public final class EngagementEvents {

    public static final String CREATED = "workshop.engagement.EngagementCreated.v1";
    public static final String SERVICES_CHANGED = "workshop.engagement.IntendedServicesChanged.v1";
    public static final String WORKSHOP_SCHEDULED = "workshop.engagement.WorkshopScheduled.v1";
    public static final String WORKSHOP_RESCHEDULED = "workshop.engagement.WorkshopRescheduled.v1";
    public static final String WORKSHOP_COMPLETED = "workshop.engagement.WorkshopCompleted.v1";
    public static final String ELIGIBILITY_DETERMINED = "workshop.engagement.EligibilityDetermined.v1";
    public static final String CHECK_IN_SCHEDULED = "workshop.engagement.CheckInScheduled.v1";
    public static final String FAST_TRACK_MANAGER_CHANGED = "workshop.engagement.FastTrackManagerChanged.v1";

    private EngagementEvents() {
    }

    public record FastTrackManagerChanged(UUID engagementId, String partnerId, String previousFastTrackManager, String fastTrackManager) {
        public FastTrackManagerChanged {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record EngagementCreated(UUID engagementId, String partnerId, String customerName, String fastTrackManager, List<String> intendedServices) {
        public EngagementCreated {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record IntendedServicesChanged(UUID engagementId, String partnerId, List<String> intendedServices) {
        public IntendedServicesChanged {
            requireEngagement(engagementId, partnerId);
        }
    }

    /** WorkshopScheduled and WorkshopRescheduled. */
    public record WorkshopScheduled(UUID engagementId, String partnerId, Instant startsAt) {
        public WorkshopScheduled {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record WorkshopCompleted(UUID engagementId, String partnerId, Instant completedAt, Outcomes outcomes) {
        public WorkshopCompleted {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record Outcomes(String checkInCadence) {
    }

    public record EligibilityDetermined(UUID engagementId, String partnerId, Boolean eligible) {
        public EligibilityDetermined {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record CheckInScheduled(UUID engagementId, String partnerId, String cadence, LocalDate nextDate) {
        public CheckInScheduled {
            requireEngagement(engagementId, partnerId);
        }
    }
}
