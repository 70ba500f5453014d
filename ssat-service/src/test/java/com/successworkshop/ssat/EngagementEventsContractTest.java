package com.successworkshop.ssat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.ssat.support.Api;
import com.successworkshop.ssat.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static com.successworkshop.ssat.support.Api.ssat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Consumer contract: publishes the examples of engagement-service's own AsyncAPI file (not a copy) with their headers,
 * so a change to the producer's events breaks this build.
 */
@QuarkusTest
class EngagementEventsContractTest {

    private static final File PRODUCER_SPEC = new File("../engagement-service/src/main/asyncapi/engagement-service.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documented example with a fresh event id and engagement id, so runs never collide. */
    private static void publishExample(JsonNode messages, String name, UUID engagementId) throws Exception {
        JsonNode example = messages.path(name).path("examples").path(0);
        Map<String, String> headers = new LinkedHashMap<>();
        example.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_subject", engagementId.toString());
        ObjectNode payload = example.path("payload").deepCopy();
        payload.put("engagementId", engagementId.toString());
        KafkaTestClient.send(Events.engagementTopic(), engagementId.toString(), headers, JSON.writeValueAsString(payload));
    }

    @Test
    void theProducersExamplesBuildRetireAndSnapshotTheMatrix() throws Exception {
        JsonNode messages = new ObjectMapper(new YAMLFactory()).readTree(PRODUCER_SPEC).path("components").path("messages");
        JsonNode created = messages.path("EngagementCreated").path("examples").path(0);
        String partner = created.path("payload").path("partnerId").asText();
        UUID id = UUID.randomUUID();

        publishExample(messages, "EngagementCreated", id);
        Api.awaitMatrix(partner, id);
        manager(partner).get(ssat(id)).then().statusCode(200).body("services.service", contains("OD", "SPO"));

        publishExample(messages, "IntendedServicesChanged", id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get(ssat(id)).then()
                .body("services.find { it.service == 'SPO' }.retired", equalTo(true))
                .body("services.find { it.service == 'TEAMS' }.retired", equalTo(false))
                .body("readiness.servicesTotal", equalTo(2)));

        publishExample(messages, "WorkshopCompleted", id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get(ssat(id) + "/snapshot").then()
                .statusCode(200).body("takenAt", notNullValue()).body("matrix.services.service", contains("OD", "TEAMS", "SPO")));
    }
}
