package com.successworkshop.ssat.messaging;

import com.successworkshop.kit.consumer.IncomingEvent.PoisonMessageException;

import static com.successworkshop.kit.consumer.IncomingEvent.requireEngagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This consumer's own copy of the engagement-events it reads (engagement-service's AsyncAPI document is the
 * contract; EngagementEventsContractTest reads its examples). Versioned by the full CloudEvents type.
 */
public final class EngagementEvents {

    public static final String CREATED = "workshop.engagement.EngagementCreated.v1";
    public static final String SERVICES_CHANGED = "workshop.engagement.IntendedServicesChanged.v1";
    public static final String WORKSHOP_COMPLETED = "workshop.engagement.WorkshopCompleted.v1";

    private EngagementEvents() {
    }

    public record EngagementCreated(UUID engagementId, String partnerId, String customerName, List<String> intendedServices) {
        public EngagementCreated {
            requireEngagement(engagementId, partnerId);
            if (intendedServices == null) {
                throw new PoisonMessageException("data.intendedServices is missing");
            }
        }
    }

    /** Either the whole list (intendedServices) or what was added and removed. */
    public record IntendedServicesChanged(UUID engagementId, String partnerId, List<String> intendedServices,
                                          List<String> added, List<String> removed) {
        public IntendedServicesChanged {
            requireEngagement(engagementId, partnerId);
        }
    }

    public record WorkshopCompleted(UUID engagementId, String partnerId, Instant completedAt) {
        public WorkshopCompleted {
            requireEngagement(engagementId, partnerId);
        }
    }
}
