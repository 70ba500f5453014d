package com.successworkshop.engagement.support;

import com.successworkshop.kit.testing.KafkaTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads engagement-events and publishes other services' events, on this run's topics. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    public static String engagementTopic() {
        return TestInfra.topic("engagement-events");
    }

    public static Predicate<ConsumerRecord<String, String>> of(String engagementId, String eventName) {
        return r -> engagementId.equals(r.key()) && ("workshop.engagement." + eventName + ".v1").equals(KafkaTestClient.header(r, "ce_type"));
    }

    /** All records of the engagement up to and including the first {@code eventName}. */
    public static List<ConsumerRecord<String, String>> awaitEvent(String engagementId, String eventName) {
        return KafkaTestClient.readUntil(engagementTopic(), of(engagementId, eventName)).stream()
                .filter(r -> engagementId.equals(r.key())).toList();
    }

    public static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError("event value is not JSON: " + r.value(), e);
        }
    }

    /** Publishes SsatReadinessChanged as ssat-service would; returns its event id. */
    public static UUID ssatReadiness(String engagementId, String partnerId, int recorded, int total, List<String> missing) {
        UUID id = UUID.randomUUID();
        ssatReadiness(id, engagementId, partnerId, recorded, total, missing, Instant.now());
        return id;
    }

    public static void ssatReadiness(UUID eventId, String engagementId, String partnerId, int recorded, int total, List<String> missing, Instant time) {
        try {
            String json = JSON.writeValueAsString(Map.of("engagementId", engagementId, "partnerId", partnerId,
                    "servicesRecorded", recorded, "servicesTotal", total, "allRecorded", missing.isEmpty(),
                    "missingServices", missing, "gaps", 0));
            KafkaTestClient.sendCloudEvent(TestInfra.topic("ssat-events"), engagementId, eventId,
                    "workshop.ssat.SsatReadinessChanged.v1", time, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
