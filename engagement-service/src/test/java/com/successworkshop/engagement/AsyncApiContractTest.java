package com.successworkshop.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI file is what consumers test against: every event this service really publishes must match its
 * documented example field for field, and the document itself must hang together.
 */
@QuarkusTest
class AsyncApiContractTest {

    private static final File SPEC = new File("src/main/asyncapi/engagement-service.yaml");

    private static JsonNode spec() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(SPEC);
    }

    @Test
    void theDocumentIsConsistent() throws Exception {
        JsonNode spec = spec();
        assertEquals("3.0.0", spec.path("asyncapi").asText());
        JsonNode messages = spec.path("components").path("messages");
        JsonNode channelMessages = spec.path("channels").path("engagementEvents").path("messages");
        assertEquals("engagement-events", spec.path("channels").path("engagementEvents").path("address").asText());
        for (Iterator<String> it = channelMessages.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode message = messages.path(name);
            assertFalse(message.isMissingNode(), name + " is referenced but not defined");
            JsonNode schema = spec.path("components").path("schemas").path(name);
            JsonNode example = message.path("examples").path(0);
            assertEquals("workshop.engagement." + name + ".v1", example.path("headers").path("ce_type").asText());
            for (JsonNode required : schema.path("required")) {
                assertTrue(example.path("payload").has(required.asText()), name + " example lacks " + required.asText());
                assertTrue(schema.path("properties").has(required.asText()), name + " schema lacks property " + required.asText());
            }
            assertEquals(fields(schema.path("properties")), fields(example.path("payload")), name + ": example and schema differ");
        }
    }

    @Test
    void everyPublishedEventMatchesItsDocumentedExample() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contract Co", 25_000, true, "OD", "SPO"));
        String base = "/api/v1/engagements/" + id;
        String start = Instant.now().plus(20, ChronoUnit.DAYS).toString();
        manager(partner).body(Map.of("workload", "TEAMS")).post(base + "/intended-services").then().statusCode(200);
        manager(partner).post(base + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(Map.of("startsAt", start, "durationMinutes", 60)).post(base + "/workshop").then().statusCode(200);
        manager(partner).body(Map.of("startsAt", start, "durationMinutes", 90, "reason", "x")).post(base + "/workshop/reschedule").then().statusCode(200);
        manager(partner).body(Map.of("reason", "postponed")).post(base + "/workshop/cancel").then().statusCode(200);
        manager(partner).body(Map.of("startsAt", start, "durationMinutes", 60)).post(base + "/workshop").then().statusCode(200);
        manager(partner).body(Map.of("cadence", "WEEKLY", "nextDate", "2030-01-01")).post(base + "/check-ins").then().statusCode(200);
        String etag = manager(partner).get(base).then().extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("fastTrackManager", "aiko.fm@partner.example"))
                .patch(base).then().statusCode(200);
        Events.ssatReadiness(id, partner, 3, 3, List.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                manager(partner).body(Map.of("successDefined", true, "checkInCadence", "WEEKLY")).post(base + "/workshop/complete")
                        .then().statusCode(200));

        manager(partner).body(Map.of("heldOn", java.time.LocalDate.now().toString())).post(base + "/check-ins/held").then().statusCode(201);
        List<ConsumerRecord<String, String>> records = Events.awaitEvent(id, "CheckInHeld");
        JsonNode messages = spec().path("components").path("messages");
        Map<String, JsonNode> published = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String type = KafkaTestClient.header(r, "ce_type");
            published.put(type.split("\\.")[2], Events.data(r));
        }
        List<String> documented = new ArrayList<>();
        messages.fieldNames().forEachRemaining(documented::add);
        assertEquals(new TreeSet<>(documented), new TreeSet<>(published.keySet()), "published event types vs documented ones");
        for (String name : documented) {
            JsonNode example = messages.path(name).path("examples").path(0).path("payload");
            assertEquals(fields(example), fields(published.get(name)), name + ": published fields differ from the AsyncAPI example");
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
