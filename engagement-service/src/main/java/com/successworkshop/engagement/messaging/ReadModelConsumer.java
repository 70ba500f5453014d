package com.successworkshop.engagement.messaging;

import com.successworkshop.kit.consumer.ConsumerGuard;
import com.successworkshop.kit.consumer.Inbox;
import com.successworkshop.kit.consumer.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.TaskProgress;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the read models the workshop gate and the overview need, from ssat-events and task-events.
 * Idempotent (inbox) and order-tolerant: an event older than what the read model holds changes nothing.
 */
@ApplicationScoped
public class ReadModelConsumer {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumer.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    ReadModelRepository readModels;
    @Inject
    TimelineRepository timeline;

    @ConsumerGuard.Continues
    @Incoming("ssat-events")
    @Blocking(ordered = false)
    @Transactional
    public void onSsatEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Duplicate event %s ignored", event.id());
            return;
        }
        if (!"SsatReadinessChanged".equals(event.name())) {
            return;
        }
        JsonNode d = event.data();
        UUID engagementId = uuid(d, "engagementId");
        SsatReadiness r = readModels.ssat(engagementId).orElse(null);
        if (r != null && r.lastEventAt.isAfter(event.time())) {
            return;
        }
        if (r == null) {
            r = new SsatReadiness();
            r.engagementId = engagementId;
        }
        r.servicesRecorded = d.path("servicesRecorded").asInt();
        r.servicesTotal = d.path("servicesTotal").asInt();
        r.allRecorded = d.path("allRecorded").asBoolean();
        r.missingServices = strings(d.path("missingServices"));
        r.gaps = d.path("gaps").asInt(0);
        r.lastEventAt = event.time();
        readModels.save(r);
        timeline.recordFromEvent(engagementId, "ssat-service", "SSAT_READINESS_CHANGED",
                "SSAT recorded for " + r.servicesRecorded + " of " + r.servicesTotal + " intended services"
                        + (r.missingServices.isEmpty() ? "" : "; missing " + String.join(", ", r.missingServices)), event);
    }

    @ConsumerGuard.Continues
    @Incoming("task-events")
    @Blocking(ordered = false)
    @Transactional
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (!"TaskProgressChanged".equals(event.name())) {
            return;
        }
        JsonNode d = event.data();
        UUID engagementId = uuid(d, "engagementId");
        TaskProgress p = readModels.tasks(engagementId).orElse(null);
        if (p != null && p.lastEventAt.isAfter(event.time())) {
            return;
        }
        if (p == null) {
            p = new TaskProgress();
            p.engagementId = engagementId;
        }
        p.mandatoryDone = d.path("mandatoryDone").asInt();
        p.mandatoryTotal = d.path("mandatoryTotal").asInt();
        p.overdue = d.path("overdue").asInt(0);
        p.lastEventAt = event.time();
        readModels.save(p);
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not a UUID");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
