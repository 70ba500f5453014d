package com.successworkshop.ssat.messaging;

import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.kit.consumer.IncomingEvent.PoisonMessageException;
import com.successworkshop.ssat.application.FollowEngagement;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.messaging.EngagementEvents.EngagementCreated;
import com.successworkshop.ssat.messaging.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.ssat.messaging.EngagementEvents.WorkshopCompleted;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Builds and follows the SSAT matrix from engagement-events, a polled batch per transaction (the kit's EventBatches:
 * inbox, order, poison records to the dead-letter topic, events before their engagement parked).
 */
@ApplicationScoped
public class EngagementEventConsumer extends EventConsumer {

    @Inject
    FollowEngagement follow;
    @Inject
    SsatMatrixRepository matrices;

    EngagementEventConsumer() {
        super("engagement-events");
    }

    @Override
    protected void events() {
        on(EngagementEvents.CREATED, EngagementCreated.class, (event, e) -> follow.engagementCreated(e.engagementId(),
                e.partnerId(), e.customerName(), workloads(e.intendedServices(), event, "intendedServices"), event.time(), newHere(e.engagementId())));
        on(EngagementEvents.SERVICES_CHANGED, IntendedServicesChanged.class, (event, e) -> {
            requireOwner(e.engagementId(), e.partnerId());
            follow.intendedServicesChanged(e.engagementId(), event.time(),
                    e.intendedServices() == null ? null : workloads(e.intendedServices(), event, "intendedServices"),
                    workloads(e.added(), event, "added"), workloads(e.removed(), event, "removed"));
        });
        on(EngagementEvents.WORKSHOP_COMPLETED, WorkshopCompleted.class, (event, e) -> {
            requireOwner(e.engagementId(), e.partnerId());
            follow.workshopCompleted(e.engagementId(), e.completedAt() == null ? event.time() : e.completedAt());
        });
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(EngagementEvents.CREATED, "ssat_matrix");
    }

    /** An event naming another partner than the one owning the engagement's matrix is poison (dead-letter topic). */
    private void requireOwner(UUID engagementId, String partnerId) {
        SsatMatrix m = matrices.findById(engagementId);
        if (m != null && !partnerId.equals(m.partnerId())) {
            throw new PoisonMessageException("partnerId " + partnerId + " does not own engagement " + engagementId);
        }
    }

    private List<Workload> workloads(List<String> codes, IncomingEvent event, String field) {
        return known(Workload.class, codes, event, field);
    }
}
