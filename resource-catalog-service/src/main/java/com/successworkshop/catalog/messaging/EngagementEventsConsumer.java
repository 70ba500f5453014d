package com.successworkshop.catalog.messaging;

import com.successworkshop.kit.consumer.ConsumerGuard;
import com.successworkshop.kit.consumer.Inbox;
import com.successworkshop.kit.consumer.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.Workload;
import com.successworkshop.catalog.repository.EngagementReadRepository;
import com.successworkshop.catalog.service.ResourcePackService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the engagement read model a resource pack is built from, and rebuilds the pack in the same transaction.
 * Idempotent (inbox); tolerant of order: an event for an engagement not seen yet starts its read model from the event's data.
 */
@ApplicationScoped
public class EngagementEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventsConsumer.class);
    private static final Set<String> HANDLED = Set.of("EngagementCreated", "IntendedServicesChanged", "EligibilityDetermined", "WorkshopCompleted");

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    EngagementReadRepository engagements;
    @Inject
    ResourcePackService packs;

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
        if (!HANDLED.contains(event.name())) {
            return;
        }
        JsonNode d = event.data();
        UUID engagementId = uuid(d, "engagementId");
        String partnerId = text(d, "partnerId");
        EngagementRead e = engagements.findForUpdate(engagementId).orElse(null);
        if (e == null) {
            e = new EngagementRead();
            e.engagementId = engagementId;
            e.partnerId = partnerId;
            e.lastEventAt = event.time();
            e.updatedAt = Instant.now();
            engagements.persist(e);
        } else if (!e.partnerId.equals(partnerId)) {
            throw new IncomingEvent.PoisonMessageException("engagement " + engagementId + " belongs to another partner");
        }
        switch (event.name()) {
            case "EngagementCreated" -> {
                e.customerName = d.path("customerName").asText(null);
                e.intendedServices = workloads(d.path("intendedServices"), "intendedServices");
            }
            case "IntendedServicesChanged" -> e.intendedServices = workloads(d.path("intendedServices"), "intendedServices");
            case "EligibilityDetermined" -> {
                if (!d.path("eligible").isBoolean()) {
                    throw new IncomingEvent.PoisonMessageException("data.eligible is not a boolean");
                }
                e.eligible = d.path("eligible").asBoolean();
                e.eligibilityBenefit = d.path("benefit").asText(null);
                e.eligibilityRules = d.path("rulesVersion").asText(null);
            }
            case "WorkshopCompleted" -> {
                String at = d.path("completedAt").asText(null);
                e.workshopCompletedAt = at == null ? event.time() : Instant.parse(at);
                if (d.has("intendedServices")) {
                    e.intendedServices = workloads(d.path("intendedServices"), "intendedServices");
                }
            }
            default -> {
            }
        }
        if (event.time().isAfter(e.lastEventAt)) {
            e.lastEventAt = event.time();
        }
        e.updatedAt = Instant.now();
        packs.rebuild(e);
    }

    static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not a UUID");
        }
    }

    private static String text(JsonNode data, String field) {
        String v = data.path(field).asText("");
        if (v.isBlank()) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is missing");
        }
        return v;
    }

    private static List<String> workloads(JsonNode array, String field) {
        if (!array.isArray()) {
            throw new IncomingEvent.PoisonMessageException("data." + field + " is not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            try {
                String code = Workload.valueOf(n.asText()).name();
                if (!out.contains(code)) {
                    out.add(code);
                }
            } catch (IllegalArgumentException ex) {
                throw new IncomingEvent.PoisonMessageException("data." + field + " holds unknown workload " + n.asText());
            }
        }
        return out;
    }
}
