package com.successworkshop.ssat.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.consumer.EventBatches;
import com.successworkshop.kit.consumer.EventHandler;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.messaging.EngagementEvents.EngagementCreated;
import com.successworkshop.ssat.messaging.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.ssat.messaging.EngagementEvents.WorkshopCompleted;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.service.MatrixProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Builds and follows the SSAT matrix from engagement-events, a polled batch per transaction (the kit's EventBatches:
 * inbox, order, poison records to the dead-letter topic, events before their engagement parked).
 */
@ApplicationScoped
public class EngagementEventConsumer implements EventHandler {

    @Inject
    ObjectMapper mapper;
    @Inject
    EventBatches batches;
    @Inject
    MatrixProjection projection;
    @Inject
    SsatMatrixRepository matrices;

    @Incoming("engagement-events")
    @Blocking
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this);
    }

    @Override
    public Set<String> handles() {
        return Set.of(EngagementEvents.CREATED, EngagementEvents.SERVICES_CHANGED, EngagementEvents.WORKSHOP_COMPLETED);
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(EngagementEvents.CREATED, id -> matrices.findById(id) != null);
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case EngagementEvents.CREATED -> {
                EngagementCreated e = event.data(EngagementCreated.class, mapper);
                projection.engagementCreated(e.engagementId(), e.partnerId(), e.customerName(),
                        workloads(e.intendedServices(), event, "intendedServices"), event.time());
            }
            case EngagementEvents.SERVICES_CHANGED -> {
                IntendedServicesChanged e = event.data(IntendedServicesChanged.class, mapper);
                projection.servicesChanged(e.engagementId(), e.partnerId(), event.time(),
                        e.intendedServices() == null ? null : workloads(e.intendedServices(), event, "intendedServices"),
                        workloads(e.added(), event, "added"), workloads(e.removed(), event, "removed"));
            }
            case EngagementEvents.WORKSHOP_COMPLETED -> {
                WorkshopCompleted e = event.data(WorkshopCompleted.class, mapper);
                projection.workshopCompleted(e.engagementId(), e.partnerId(), e.completedAt() == null ? event.time() : e.completedAt());
            }
            default -> throw new IllegalStateException("not handled: " + event.type());
        }
    }

    private List<Workload> workloads(List<String> codes, IncomingEvent event, String field) {
        return batches.known(Workload.class, codes == null ? List.of() : codes, event, field);
    }
}
