package com.successworkshop.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.task.domain.TaskEvents;
import com.successworkshop.task.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.task.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.successworkshop.task.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract with engagement-service: its published AsyncAPI examples, sent as they are (fresh ids only), have the
 * documented effect here. A breaking change to those examples fails this build.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class ConsumerContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** In the order engagement-service would publish them for one engagement. */
    private static final List<String> CONSUMED = List.of("EngagementCreated", "IntendedServicesChanged", "KickoffCompleted",
            "WorkshopScheduled", "WorkshopRescheduled", "WorkshopCancelled", "WorkshopCompleted", "EligibilityDetermined", "CheckInScheduled", "FastTrackManagerChanged");

    @Test
    void engagementServiceExamplesHaveTheirEffect() throws IOException {
        JsonNode messages = YAML.readTree(new File("../engagement-service/src/main/asyncapi/engagement-service.yaml"))
                .path("components").path("messages");
        UUID engagement = UUID.randomUUID();
        String partner = Api.partner();
        for (String name : CONSUMED) {
            JsonNode example = messages.path(name).path("examples").path(0);
            assertFalse(example.isMissingNode(), "engagement-service documents no example of " + name);
            Map<String, String> headers = new HashMap<>();
            example.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            assertEquals("workshop.engagement." + name + ".v1", headers.get("ce_type"));
            headers.put("ce_id", UUID.randomUUID().toString());
            headers.put("ce_subject", engagement.toString());
            ObjectNode payload = (ObjectNode) example.path("payload").deepCopy();
            assertTrue(payload.has("engagementId") && payload.has("partnerId"), name + " example lacks engagementId/partnerId");
            payload.put("engagementId", engagement.toString());
            payload.put("partnerId", partner);
            KafkaTestClient.send(Api.engagementTopic(), engagement.toString(), headers, JSON.writeValueAsString(payload));
        }
        // EngagementCreated (OD, SPO) → 2536, 3718, 3737; IntendedServicesChanged (−SPO, +TEAMS) → 3737 retired;
        // WorkshopRescheduled → 2536 due on the new date; WorkshopCompleted → 2536 COMPLETED by the event;
        // EligibilityDetermined (eligible) → "Introduce adoption SME"; CheckInScheduled → a check-in on its nextDate.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                manager(partner).get("/api/v1/engagements/" + engagement + "/tasks").then().statusCode(200)
                        .body("items.name", hasItems("Introduce adoption SME", "Check-in 2026-12-24")));
        JsonPath tasks = manager(partner).get("/api/v1/engagements/" + engagement + "/tasks").then().extract().jsonPath();
        assertEquals(Set.of(2536, 3718), new TreeSet<>(tasks.getList("items.findAll { it.ftopTaskId != null }.ftopTaskId")));
        Map<String, Object> workshop = Api.task(tasks, 2536);
        assertEquals("COMPLETED", workshop.get("status"));
        assertEquals("event:WorkshopCompleted", workshop.get("completedBy"));
        assertEquals("2026-12-10T11:00:00Z", workshop.get("completedAt"));
        manager(partner).queryParam("includeRetired", true).get("/api/v1/engagements/" + engagement + "/tasks")
                .then().body("items.ftopTaskId", hasItem(3737)).body("items.find { it.ftopTaskId == 3737 }.status", equalTo("NOT_STARTED"));
        manager(partner).get("/api/v1/engagements/" + engagement + "/tasks").then().body("items.ftopTaskId", not(hasItem(3737)));
        // FastTrackManagerChanged (fm@ → aiko.fm@): the open FastTrack Manager tasks are the new FM's.
        manager(partner).get("/api/v1/engagements/" + engagement + "/tasks").then()
                .body("items.find { it.name == 'Introduce adoption SME' }.assignee", equalTo("aiko.fm@partner-a.example"))
                .body("items.find { it.ftopTaskId == 2536 }.assignee", equalTo("fm@partner-a.example"));
    }

    /** Our own AsyncAPI document: every event we publish is there, with an example whose data has exactly our record's fields. */
    @Test
    void ourAsyncApiExamplesMatchThePublishedRecords() throws IOException {
        JsonNode doc = YAML.readTree(new File("src/main/asyncapi/task-service.yaml"));
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("task-events", doc.path("channels").path("taskEvents").path("address").asText());
        for (Class<?> event : List.of(TaskEvents.TaskStatusChanged.class, TaskEvents.TaskProgressChanged.class)) {
            JsonNode message = doc.path("components").path("messages").path(event.getSimpleName());
            JsonNode example = message.path("examples").path(0);
            assertEquals("workshop.task." + event.getSimpleName() + ".v1", example.path("headers").path("ce_type").asText());
            Set<String> fields = new TreeSet<>();
            example.path("payload").fieldNames().forEachRemaining(fields::add);
            Set<String> components = new TreeSet<>(Arrays.stream(event.getRecordComponents()).map(c -> c.getName()).toList());
            assertEquals(components, fields, event.getSimpleName() + " example vs record");
            Set<String> required = new TreeSet<>();
            doc.path("components").path("schemas").path(event.getSimpleName()).path("required").forEach(n -> required.add(n.asText()));
            assertTrue(components.containsAll(required) && !required.isEmpty(), event.getSimpleName() + " schema required fields");
        }
    }
}
