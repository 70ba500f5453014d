package com.successworkshop.ssat.messaging;

import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.messaging.EngagementEvents.EngagementCreated;
import com.successworkshop.ssat.messaging.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.ssat.messaging.EngagementEvents.WorkshopCompleted;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.application.MatrixProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Builds and follows the SSAT matrix from engagement-events, a polled batch per transaction (the kit's EventBatches:
 * inbox, order, poison records to the dead-letter topic, events before their engagement parked).
 */
@ApplicationScoped
public class EngagementEventConsumer extends EventConsumer {

    @Inject
    MatrixProjection projection;
    @Inject
    SsatMatrixRepository matrices;

    EngagementEventConsumer() {
        super("engagement-events");
    }

    @Override
    protected void events() {
        on(EngagementEvents.CREATED, EngagementCreated.class, (event, e) -> projection.engagementCreated(e.engagementId(),
                e.partnerId(), e.customerName(), workloads(e.intendedServices(), event, "intendedServices"), event.time()));
        on(EngagementEvents.SERVICES_CHANGED, IntendedServicesChanged.class, (event, e) -> projection.servicesChanged(e.engagementId(),
                e.partnerId(), event.time(), e.intendedServices() == null ? null : workloads(e.intendedServices(), event, "intendedServices"),
                workloads(e.added(), event, "added"), workloads(e.removed(), event, "removed")));
        on(EngagementEvents.WORKSHOP_COMPLETED, WorkshopCompleted.class, (event, e) -> projection.workshopCompleted(e.engagementId(),
                e.partnerId(), e.completedAt() == null ? event.time() : e.completedAt()));
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(EngagementEvents.CREATED, id -> matrices.findById(id) != null);
    }

    private List<Workload> workloads(List<String> codes, IncomingEvent event, String field) {
        return known(Workload.class, codes, event, field);
    }
}
