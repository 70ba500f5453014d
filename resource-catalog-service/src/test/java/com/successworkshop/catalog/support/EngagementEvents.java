package com.successworkshop.catalog.support;

import com.successworkshop.kit.testing.KafkaTestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** engagement-service's events, published to this run's engagement-events topic as its outbox relay would. */
public final class EngagementEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngagementEvents() {
    }

    public static void publish(String engagementId, String type, Map<String, Object> data) {
        try {
            KafkaTestClient.sendCloudEvent(TestInfra.topic("engagement-events"), engagementId, UUID.randomUUID(),
                    "workshop.engagement." + type + ".v1", Instant.now(), JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String created(String partnerId, String... services) {
        String id = UUID.randomUUID().toString();
        publish(id, "EngagementCreated", Map.of("engagementId", id, "partnerId", partnerId, "customerName", "Contoso",
                "fastTrackManager", "fm@" + partnerId + ".example", "licenceCount", 1200, "enterprise", false,
                "enrolledInAdoptionBenefit", false, "intendedServices", List.of(services)));
        return id;
    }

    public static void eligibility(String id, String partnerId, boolean eligible) {
        publish(id, "EligibilityDetermined", Map.of("engagementId", id, "partnerId", partnerId, "benefit", "ENHANCED_ADOPTION_SERVICE",
                "eligible", eligible, "reasons", List.of(eligible ? "25000 licences > 20000" : "1200 licences <= 20000"),
                "rulesVersion", "playbook-2020-04-30/greater_than-20000", "licenceCount", eligible ? 25000 : 1200, "enterprise", eligible));
    }

    public static void servicesChanged(String id, String partnerId, List<String> added, List<String> removed, List<String> now) {
        publish(id, "IntendedServicesChanged", Map.of("engagementId", id, "partnerId", partnerId, "added", added, "removed", removed,
                "intendedServices", now));
    }

    public static void workshopCompleted(String id, String partnerId, List<String> services) {
        publish(id, "WorkshopCompleted", Map.of("engagementId", id, "partnerId", partnerId, "completedAt", Instant.now().toString(),
                "outcomes", Map.of("successDefined", true), "intendedServices", services));
    }
}
