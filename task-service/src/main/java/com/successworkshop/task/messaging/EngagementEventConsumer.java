package com.successworkshop.task.messaging;

import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.task.application.TaskLifecycle;
import com.successworkshop.task.domain.CheckInCadence;
import com.successworkshop.task.domain.EngagementTasks.Effect;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.messaging.EngagementEvents.CheckInScheduled;
import com.successworkshop.task.messaging.EngagementEvents.EligibilityDetermined;
import com.successworkshop.task.messaging.EngagementEvents.EngagementCreated;
import com.successworkshop.task.messaging.EngagementEvents.FastTrackManagerChanged;
import com.successworkshop.task.messaging.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.task.messaging.EngagementEvents.WorkshopCompleted;
import com.successworkshop.task.messaging.EngagementEvents.WorkshopScheduled;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Supplier;

/**
 * Makes and moves an engagement's tasks from engagement-events, a polled batch per transaction (the kit's EventBatches:
 * inbox, order, poison records to the dead-letter topic, events before their engagement parked).
 */
@ApplicationScoped
public class EngagementEventConsumer extends EventConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);

    @Inject
    TaskLifecycle lifecycle;
    @Inject
    MeterRegistry registry;

    EngagementEventConsumer() {
        super("engagement-events");
    }

    @Override
    protected void events() {
        on(EngagementEvents.CREATED, EngagementCreated.class, (event, e) -> measured(event, () -> lifecycle.engagementCreated(e.engagementId(),
                e.partnerId(), e.customerName(), e.fastTrackManager(), workloads(e.intendedServices(), event), event.time(), newHere(e.engagementId()))));
        on(EngagementEvents.FAST_TRACK_MANAGER_CHANGED, FastTrackManagerChanged.class, (event, e) -> measured(event, () ->
                lifecycle.fastTrackManagerChanged(e.engagementId(), e.partnerId(), e.previousFastTrackManager(), e.fastTrackManager())));
        on(EngagementEvents.SERVICES_CHANGED, IntendedServicesChanged.class, (event, e) -> measured(event, () ->
                lifecycle.servicesChanged(e.engagementId(), e.partnerId(), workloads(e.intendedServices(), event), event.time())));
        on(EngagementEvents.WORKSHOP_COMPLETED, WorkshopCompleted.class, (event, e) -> measured(event, () -> lifecycle.workshopCompleted(
                e.engagementId(), e.partnerId(), e.completedAt(), cadence(e.outcomes() == null ? null : e.outcomes().checkInCadence(), event),
                event.id(), event.time())));
        for (String scheduled : List.of(EngagementEvents.WORKSHOP_SCHEDULED, EngagementEvents.WORKSHOP_RESCHEDULED)) {
            on(scheduled, WorkshopScheduled.class, (event, e) -> measured(event, () ->
                    lifecycle.workshopScheduled(e.engagementId(), e.partnerId(), e.startsAt(), event.time())));
        }
        on(EngagementEvents.ELIGIBILITY_DETERMINED, EligibilityDetermined.class, (event, e) -> measured(event, () ->
                lifecycle.eligibilityDetermined(e.engagementId(), e.partnerId(), Boolean.TRUE.equals(e.eligible()), event.time())));
        on(EngagementEvents.CHECK_IN_SCHEDULED, CheckInScheduled.class, (event, e) -> measured(event, () -> lifecycle.checkInScheduled(
                e.engagementId(), e.partnerId(), cadence(e.cadence(), event), e.nextDate(), event.time())));
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(EngagementEvents.CREATED, "engagement_ref");
    }

    /** Applies one event and counts what it did to the engagement's tasks; an event that can never apply is poison. */
    private void measured(IncomingEvent event, Supplier<Effect> apply) {
        Effect effect;
        try {
            effect = apply.get();
        } catch (DomainException.RuleViolated e) {
            throw new IncomingEvent.PoisonMessageException(e.getMessage());
        }
        registry.counter("task.instances.created", "event", event.name()).increment(effect.created());
        LOG.debugf("%s %s: %d task(s) created, %d changed", event.name(), event.subject(), effect.created(), effect.changed());
    }

    private List<Workload> workloads(List<String> codes, IncomingEvent event) {
        return known(Workload.class, codes, event, "intendedServices");
    }

    /** An unknown cadence is reported and the default applies. */
    private CheckInCadence cadence(String code, IncomingEvent event) {
        if (code == null || code.isBlank()) {
            return null;
        }
        List<CheckInCadence> known = known(CheckInCadence.class, List.of(code), event, "cadence");
        return known.isEmpty() ? null : known.get(0);
    }
}
