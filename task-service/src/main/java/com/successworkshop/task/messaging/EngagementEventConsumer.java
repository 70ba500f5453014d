package com.successworkshop.task.messaging;

import com.successworkshop.kit.consumer.ConsumerGuard;
import com.successworkshop.kit.consumer.Inbox;
import com.successworkshop.kit.consumer.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.task.domain.CheckInCadence;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.service.TaskLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes and moves an engagement's tasks from engagement-events. Idempotent: the inbox row and the effect commit together,
 * so a redelivered event changes nothing. Events this service has no use for are recorded and skipped.
 */
@ApplicationScoped
public class EngagementEventConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TaskLifecycle lifecycle;
    @Inject
    MeterRegistry registry;

    @ConsumerGuard.Continues
    @Incoming("engagement-events")
    @Blocking(ordered = false)
    @Transactional
    public void onEngagementEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Duplicate event %s ignored", event.id());
            return;
        }
        long started = System.nanoTime();
        JsonNode d = event.data();
        TaskLifecycle.Effect effect = switch (event.name()) {
            case "EngagementCreated" -> lifecycle.engagementCreated(uuid(d, "engagementId"), partner(d), d.path("customerName").asText(null),
                    workloads(d.path("intendedServices")), event.time());
            case "IntendedServicesChanged" -> lifecycle.servicesChanged(uuid(d, "engagementId"), partner(d),
                    workloads(d.path("intendedServices")), event.time());
            case "WorkshopCompleted" -> lifecycle.workshopCompleted(uuid(d, "engagementId"), partner(d), instant(d, "completedAt"),
                    cadence(d.path("outcomes").path("checkInCadence")), event.id(), event.time());
            case "WorkshopScheduled", "WorkshopRescheduled" -> lifecycle.workshopScheduled(uuid(d, "engagementId"), partner(d),
                    instant(d, "startsAt"), event.time());
            case "EligibilityDetermined" -> lifecycle.eligibilityDetermined(uuid(d, "engagementId"), partner(d),
                    d.path("eligible").asBoolean(false), event.time());
            case "CheckInScheduled" -> lifecycle.checkInScheduled(uuid(d, "engagementId"), partner(d), cadence(d.path("cadence")),
                    date(d, "nextDate"), event.time());
            default -> null;
        };
        if (effect != null) {
            long nanos = System.nanoTime() - started;
            Timer.builder("task.event.handling").tag("event", event.name()).register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            registry.counter("task.instances.created", "event", event.name()).increment(effect.created());
            LOG.debugf("%s %s: %d task(s) created, %d changed in %.1f ms", event.name(), event.subject(), effect.created(),
                    effect.changed(), nanos / 1e6);
        }
    }

    private static String partner(JsonNode d) {
        String p = d.path("partnerId").asText("");
        if (p.isBlank()) {
            throw new IncomingEvent.PoisonMessageException("data.partnerId is missing");
        }
        return p;
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode data, String field) {
        String v = data.path(field).asText("");
        try {
            return v.isBlank() ? null : Instant.parse(v);
        } catch (RuntimeException e) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not an ISO-8601 instant");
        }
    }

    private static LocalDate date(JsonNode data, String field) {
        String v = data.path(field).asText("");
        try {
            return v.isBlank() ? null : LocalDate.parse(v);
        } catch (RuntimeException e) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not an ISO-8601 date");
        }
    }

    private static CheckInCadence cadence(JsonNode n) {
        if (n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
            return null;
        }
        try {
            return CheckInCadence.valueOf(n.asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unknown check-in cadence %s; the default applies", n.asText());
            return null;
        }
    }

    /** Unknown workload codes are skipped, so that a producer adding a workload does not stop this consumer. */
    private static List<Workload> workloads(JsonNode array) {
        List<Workload> out = new ArrayList<>();
        array.forEach(n -> {
            try {
                out.add(Workload.valueOf(n.asText()));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Unknown workload %s ignored", n.asText());
            }
        });
        return out;
    }
}
