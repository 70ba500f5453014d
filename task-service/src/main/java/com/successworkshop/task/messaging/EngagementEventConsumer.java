package com.successworkshop.task.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.consumer.EventBatches;
import com.successworkshop.kit.consumer.EventHandler;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.task.domain.CheckInCadence;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.messaging.EngagementEvents.CheckInScheduled;
import com.successworkshop.task.messaging.EngagementEvents.EligibilityDetermined;
import com.successworkshop.task.messaging.EngagementEvents.EngagementCreated;
import com.successworkshop.task.messaging.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.task.messaging.EngagementEvents.WorkshopCompleted;
import com.successworkshop.task.messaging.EngagementEvents.WorkshopScheduled;
import com.successworkshop.task.repository.EngagementRefRepository;
import com.successworkshop.task.service.TaskLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Makes and moves an engagement's tasks from engagement-events, a polled batch per transaction (the kit's EventBatches:
 * inbox, order, poison records to the dead-letter topic, events before their engagement parked).
 */
@ApplicationScoped
public class EngagementEventConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    EventBatches batches;
    @Inject
    TaskLifecycle lifecycle;
    @Inject
    EngagementRefRepository engagements;
    @Inject
    MeterRegistry registry;

    @Incoming("engagement-events")
    @Blocking
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this);
    }

    @Override
    public Set<String> handles() {
        return Set.of(EngagementEvents.CREATED, EngagementEvents.SERVICES_CHANGED, EngagementEvents.WORKSHOP_SCHEDULED,
                EngagementEvents.WORKSHOP_RESCHEDULED, EngagementEvents.WORKSHOP_COMPLETED, EngagementEvents.ELIGIBILITY_DETERMINED,
                EngagementEvents.CHECK_IN_SCHEDULED);
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(EngagementEvents.CREATED, id -> engagements.findById(id) != null);
    }

    @Override
    public void apply(IncomingEvent event) {
        long started = System.nanoTime();
        TaskLifecycle.Effect effect = switch (event.type()) {
            case EngagementEvents.CREATED -> {
                EngagementCreated e = event.data(EngagementCreated.class, mapper);
                yield lifecycle.engagementCreated(e.engagementId(), e.partnerId(), e.customerName(),
                        workloads(e.intendedServices(), event), event.time());
            }
            case EngagementEvents.SERVICES_CHANGED -> {
                IntendedServicesChanged e = event.data(IntendedServicesChanged.class, mapper);
                yield lifecycle.servicesChanged(e.engagementId(), e.partnerId(), workloads(e.intendedServices(), event), event.time());
            }
            case EngagementEvents.WORKSHOP_COMPLETED -> {
                WorkshopCompleted e = event.data(WorkshopCompleted.class, mapper);
                yield lifecycle.workshopCompleted(e.engagementId(), e.partnerId(), e.completedAt(),
                        cadence(e.outcomes() == null ? null : e.outcomes().checkInCadence(), event), event.id(), event.time());
            }
            case EngagementEvents.WORKSHOP_SCHEDULED, EngagementEvents.WORKSHOP_RESCHEDULED -> {
                WorkshopScheduled e = event.data(WorkshopScheduled.class, mapper);
                yield lifecycle.workshopScheduled(e.engagementId(), e.partnerId(), e.startsAt(), event.time());
            }
            case EngagementEvents.ELIGIBILITY_DETERMINED -> {
                EligibilityDetermined e = event.data(EligibilityDetermined.class, mapper);
                yield lifecycle.eligibilityDetermined(e.engagementId(), e.partnerId(), Boolean.TRUE.equals(e.eligible()), event.time());
            }
            case EngagementEvents.CHECK_IN_SCHEDULED -> {
                CheckInScheduled e = event.data(CheckInScheduled.class, mapper);
                yield lifecycle.checkInScheduled(e.engagementId(), e.partnerId(), cadence(e.cadence(), event), e.nextDate(), event.time());
            }
            default -> throw new IllegalStateException("not handled: " + event.type());
        };
        long nanos = System.nanoTime() - started;
        Timer.builder("task.event.handling").tag("event", event.name()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        registry.counter("task.instances.created", "event", event.name()).increment(effect.created());
        LOG.debugf("%s %s: %d task(s) created, %d changed in %.1f ms", event.name(), event.subject(), effect.created(),
                effect.changed(), nanos / 1e6);
    }

    private List<Workload> workloads(List<String> codes, IncomingEvent event) {
        return batches.known(Workload.class, codes == null ? List.of() : codes, event, "intendedServices");
    }

    /** An unknown cadence is reported and the default applies. */
    private CheckInCadence cadence(String code, IncomingEvent event) {
        if (code == null || code.isBlank()) {
            return null;
        }
        List<CheckInCadence> known = batches.known(CheckInCadence.class, List.of(code), event, "cadence");
        return known.isEmpty() ? null : known.get(0);
    }
}
