package com.successworkshop.ssat.support;

import com.successworkshop.kit.testing.KafkaTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Publishes engagement-service's events and reads ssat-events, on this run's topics. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    public static String engagementTopic() {
        return TestInfra.topic("engagement-events");
    }

    public static String ssatTopic() {
        return TestInfra.topic("ssat-events");
    }

    public static UUID engagementCreated(String partnerId, String... services) {
        UUID id = UUID.randomUUID();
        engagementCreated(UUID.randomUUID(), id, partnerId, Instant.now(), services);
        return id;
    }

    public static void engagementCreated(UUID eventId, UUID engagementId, String partnerId, Instant time, String... services) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("engagementId", engagementId.toString());
        data.put("partnerId", partnerId);
        data.put("customerName", "Contoso Ltd");
        data.put("fastTrackManager", "fm@" + partnerId + ".example");
        data.put("licenceCount", 1200);
        data.put("enterprise", false);
        data.put("enrolledInAdoptionBenefit", false);
        data.put("intendedServices", List.of(services));
        publish(eventId, engagementId, "EngagementCreated", time, data);
    }

    public static void intendedServicesChanged(UUID engagementId, String partnerId, Instant time, List<String> added,
                                               List<String> removed, List<String> now) {
        publish(UUID.randomUUID(), engagementId, "IntendedServicesChanged", time, Map.of("engagementId", engagementId.toString(),
                "partnerId", partnerId, "added", added, "removed", removed, "intendedServices", now));
    }

    public static void workshopCompleted(UUID engagementId, String partnerId, List<String> services) {
        Instant now = Instant.now();
        publish(UUID.randomUUID(), engagementId, "WorkshopCompleted", now, Map.of("engagementId", engagementId.toString(),
                "partnerId", partnerId, "completedAt", now.toString(), "outcomes", Map.of("successDefined", true),
                "intendedServices", services));
    }

    public static void publish(UUID eventId, UUID engagementId, String name, Instant time, Map<String, Object> data) {
        try {
            KafkaTestClient.sendCloudEvent(engagementTopic(), engagementId.toString(), eventId,
                    "workshop.engagement." + name + ".v1", time, JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any engagement-events record of this engagement went to the dead-letter topic. */
    public static boolean deadLettered(UUID engagementId) {
        return KafkaTestClient.deadLettered(engagementTopic(), TestInfra.topic("engagement-events-dlq")).stream()
                .anyMatch(r -> engagementId.toString().equals(r.key()));
    }

    public static Predicate<ConsumerRecord<String, String>> of(UUID engagementId, String eventName) {
        return r -> engagementId.toString().equals(r.key())
                && ("workshop.ssat." + eventName + ".v1").equals(KafkaTestClient.header(r, "ce_type"));
    }

    /** This engagement's records on ssat-events up to the first that matches. */
    public static List<ConsumerRecord<String, String>> awaitSsatEvent(UUID engagementId, Predicate<ConsumerRecord<String, String>> until) {
        return KafkaTestClient.readUntil(ssatTopic(), until).stream().filter(r -> engagementId.toString().equals(r.key())).toList();
    }

    public static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError("event value is not JSON: " + r.value(), e);
        }
    }
}
