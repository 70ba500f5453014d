package com.successworkshop.task;

import com.successworkshop.task.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.task.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.successworkshop.task.support.Api.manager;
import static com.successworkshop.task.support.Api.task;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class TaskLifecycleTest {

    @Inject
    MeterRegistry registry;

    private static Map<String, Object> byName(JsonPath tasks, String prefix) {
        List<Map<String, Object>> items = tasks.getList("items");
        return items.stream().filter(t -> String.valueOf(t.get("name")).startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + prefix + " in " + items));
    }

    @Test
    void oneDriveAndSharePointGet2536And3718And3737ButNot3738() {
        String partner = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, partner, "OD", "SPO");
        JsonPath tasks = Api.awaitTasks(partner, engagement, 3);
        assertEquals(List.of(2536, 3718, 3737), tasks.getList("items.ftopTaskId").stream().map(o -> (Integer) o).sorted().toList());
        Map<String, Object> workshop = task(tasks, 2536);
        assertEquals("NOT_STARTED", workshop.get("status"));
        assertEquals(List.of("IN_PROGRESS", "NOT_APPLICABLE"), workshop.get("allowedTransitions"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(21).toString(), workshop.get("dueDate"));
        assertEquals(1, ((Number) workshop.get("templateVersion")).intValue());

        // TaskProgressChanged in exactly the shape engagement-service reads.
        var records = KafkaTestClient.readUntil(TestInfra.topic("task-events"),
                r -> r.key().equals(engagement.toString()) && "workshop.task.TaskProgressChanged.v1".equals(KafkaTestClient.header(r, "ce_type")));
        var last = records.get(records.size() - 1);
        JsonPath data = new JsonPath(last.value());
        assertEquals(engagement.toString(), data.getString("engagementId"));
        assertEquals(partner, data.getString("partnerId"));
        assertEquals(0, data.getInt("mandatoryDone"));
        assertEquals(3, data.getInt("mandatoryTotal"));
        assertEquals(0, data.getInt("overdue"));
        assertEquals(engagement.toString(), KafkaTestClient.header(last, "ce_subject"));
        assertEquals("/task-service", KafkaTestClient.header(last, "ce_source"));

        // IntendedServicesChanged: SPO leaves (3737 retired, not deleted), M365 Apps comes (3734, 3738).
        Api.publish(engagement, "IntendedServicesChanged", """
                {"engagementId": "%s", "partnerId": "%s", "added": ["M365_APPS"], "removed": ["SPO"], "intendedServices": ["OD", "M365_APPS"]}"""
                .formatted(engagement, partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get("/api/v1/engagements/" + engagement + "/tasks")
                .then().statusCode(200).body("items.ftopTaskId", hasItems(2536, 3718, 3734, 3738)).body("items.ftopTaskId", not(hasItem(3737))));
        manager(partner).queryParam("includeRetired", true).get("/api/v1/engagements/" + engagement + "/tasks")
                .then().body("items.find { it.ftopTaskId == 3737 }.retiredAt", notNullValue());
    }

    @Test
    void aWorkloadThisServiceDoesNotKnowIsLeftOutAndTheRestOfTheEventApplies() {
        String partner = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, partner, "OD", "HOLOLENS");
        JsonPath tasks = Api.awaitTasks(partner, engagement, 2);
        assertEquals(List.of(2536, 3718), tasks.getList("items.ftopTaskId").stream().map(o -> (Integer) o).sorted().toList());
        assertTrue(KafkaTestClient.deadLettered(Api.engagementTopic(), TestInfra.topic("engagement-events-dlq")).stream()
                .noneMatch(r -> engagement.toString().equals(r.key())), "the event is not dead-lettered");
    }

    @Test
    void workshopCompletedCompletes2536ExactlyOnceEvenWhenRedelivered() {
        String partner = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, partner, "EXO");
        Api.awaitTasks(partner, engagement, 2);
        String completed = """
                {"engagementId": "%s", "partnerId": "%s", "completedAt": "2026-12-10T11:00:00Z",
                 "outcomes": {"successDefined": true, "checkInCadence": "WEEKLY"}, "intendedServices": ["EXO"]}""".formatted(engagement, partner);
        UUID eventId = UUID.randomUUID();
        Api.publish(engagement, "WorkshopCompleted", completed, eventId);
        Api.publish(engagement, "WorkshopCompleted", completed, eventId);
        Api.publish(engagement, "WorkshopCompleted", completed);
        // Not eligible → check-ins at the cadence the workshop agreed (Next steps); it also marks the duplicates as processed.
        Api.publish(engagement, "EligibilityDetermined", """
                {"engagementId": "%s", "partnerId": "%s", "benefit": "ENHANCED_ADOPTION_SERVICE", "eligible": false,
                 "reasons": ["not enterprise"], "rulesVersion": "v1", "licenceCount": 500, "enterprise": false}""".formatted(engagement, partner));
        JsonPath tasks = Api.awaitTasks(partner, engagement, 5);
        Map<String, Object> workshop = task(tasks, 2536);
        assertEquals("COMPLETED", workshop.get("status"));
        assertEquals("event:WorkshopCompleted", workshop.get("completedBy"));
        assertEquals(eventId.toString(), workshop.get("completedByEvent"));
        assertEquals("2026-12-10T11:00:00Z", workshop.get("completedAt"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.plusDays(7).toString(), byName(tasks, "Check-in " + today.plusDays(7)).get("dueDate"));
        assertEquals(today.plusDays(21).toString(), byName(tasks, "Check-in " + today.plusDays(21)).get("dueDate"));

        var records = KafkaTestClient.readUntil(TestInfra.topic("task-events"), r -> r.key().equals(engagement.toString())
                && "workshop.task.TaskProgressChanged.v1".equals(KafkaTestClient.header(r, "ce_type"))
                && new JsonPath(r.value()).getInt("mandatoryDone") == 1);
        long completions = records.stream().filter(r -> r.key().equals(engagement.toString()))
                .filter(r -> "workshop.task.TaskStatusChanged.v1".equals(KafkaTestClient.header(r, "ce_type")))
                .filter(r -> "COMPLETED".equals(new JsonPath(r.value()).getString("status"))).count();
        assertEquals(1, completions);

        // Eligible after all (licences grew): the FM introduces an adoption SME and open check-ins are retired.
        Api.publish(engagement, "EligibilityDetermined", """
                {"engagementId": "%s", "partnerId": "%s", "benefit": "ENHANCED_ADOPTION_SERVICE", "eligible": true,
                 "reasons": ["25000 licences > 20000"], "rulesVersion": "v1", "licenceCount": 25000, "enterprise": true}""".formatted(engagement, partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get("/api/v1/engagements/" + engagement + "/tasks")
                .then().body("items.name", hasItem("Introduce adoption SME")).body("items.kind", not(hasItem("CHECK_IN"))));
    }

    @Test
    void transitionsFollowTheStateMachineAndInvalidOnesAre409NamingTheAllowedOnes() {
        String partner = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, partner, "OD");
        JsonPath tasks = Api.awaitTasks(partner, engagement, 2);
        String id = (String) task(tasks, 3718).get("id");
        String url = "/api/v1/tasks/" + id;

        manager(partner).body(Map.of("status", "IN_PROGRESS")).patch(url).then().statusCode(428).contentType("application/problem+json");
        String etag = manager(partner).get(url).then().statusCode(200).extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("status", "COMPLETED")).patch(url)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("IN_PROGRESS")).body("detail", containsString("NOT_APPLICABLE"))
                .body("errors[0].field", equalTo("status"));
        etag = manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PROGRESS", "assignee", "fm@" + partner + ".example",
                        "notes", "Deck sent")).patch(url)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("allowedTransitions", contains("BLOCKED", "COMPLETED", "NOT_APPLICABLE")).extract().header("ETag");
        manager(partner).header("If-Match", "\"0\"").body(Map.of("notes", "stale")).patch(url).then().statusCode(412);
        manager(partner).header("If-Match", etag).body(Map.of("status", "BLOCKED")).patch(url)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        etag = manager(partner).header("If-Match", etag).body(Map.of("status", "BLOCKED", "reason", "Sponsor away")).patch(url)
                .then().statusCode(200).body("statusReason", equalTo("Sponsor away")).body("allowedTransitions", contains("IN_PROGRESS"))
                .extract().header("ETag");
        // A mandatory task is NOT_APPLICABLE only by ops.
        manager(partner).header("If-Match", etag).body(Map.of("status", "NOT_APPLICABLE", "reason", "n/a")).patch(url)
                .then().statusCode(409).body("errors[0].message", containsString("IN_PROGRESS"));
        etag = manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PROGRESS")).patch(url).then().statusCode(200).extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("status", "NOT_APPLICABLE", "reason", "customer declined")).patch(url)
                .then().statusCode(403).body("rule", equalTo("task.mandatory-not-applicable"));
        etag = Api.as(Tokens.of(partner, "ops")).header("If-Match", etag).body(Map.of("status", "NOT_APPLICABLE", "reason", "customer declined"))
                .patch(url).then().statusCode(200).body("status", equalTo("NOT_APPLICABLE")).extract().header("ETag");

        String workshop = (String) task(tasks, 2536).get("id");
        String wEtag = manager(partner).get("/api/v1/tasks/" + workshop).then().extract().header("ETag");
        wEtag = manager(partner).header("If-Match", wEtag).body(Map.of("status", "IN_PROGRESS", "dueDate", "2020-01-01",
                "assignee", "fm@" + partner + ".example")).patch("/api/v1/tasks/" + workshop).then().statusCode(200).body("overdue", equalTo(true))
                .extract().header("ETag");
        manager(partner).queryParam("overdue", true).get("/api/v1/engagements/" + engagement + "/tasks")
                .then().body("items.ftopTaskId", contains(2536));
        // "My tasks": by default the caller's own, across engagements, partner-scoped.
        manager(partner).queryParam("overdue", true).get("/api/v1/tasks").then().statusCode(200).body("items.ftopTaskId", contains(2536));
        manager(partner).queryParam("status", "NOT_APPLICABLE").queryParam("assignee", "fm@" + partner + ".example").get("/api/v1/tasks")
                .then().body("items.ftopTaskId", contains(3718));
        manager(partner).header("If-Match", wEtag).body(Map.of("status", "COMPLETED")).patch("/api/v1/tasks/" + workshop)
                .then().statusCode(200).body("completedBy", equalTo("fm@" + partner + ".example")).body("allowedTransitions", equalTo(List.of()))
                .body("overdue", equalTo(false));
        manager(partner).queryParam("status", "SLEEPING").get("/api/v1/engagements/" + engagement + "/tasks")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        manager(partner).queryParam("size", 201).get("/api/v1/engagements/" + engagement + "/tasks").then().statusCode(400);
    }

    @Test
    void anotherPartnerSeesNothing() {
        String partner = Api.partner();
        String other = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, partner, "OD");
        JsonPath tasks = Api.awaitTasks(partner, engagement, 2);
        String id = (String) task(tasks, 2536).get("id");
        manager(other).get("/api/v1/engagements/" + engagement + "/tasks").then().statusCode(404).contentType("application/problem+json");
        manager(other).get("/api/v1/tasks/" + id).then().statusCode(404);
        manager(other).header("If-Match", "*").body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tasks/" + id).then().statusCode(404);
        manager(other).queryParam("assignee", "fm@" + partner + ".example").get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.of(other, "partner-viewer")).get("/api/v1/tasks/" + id).then().statusCode(404);
        Api.as(Tokens.of(partner, "partner-viewer")).get("/api/v1/tasks/" + id).then().statusCode(200);
        Api.as(Tokens.of(partner, "partner-viewer")).header("If-Match", "*").body(Map.of("notes", "x")).patch("/api/v1/tasks/" + id)
                .then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/tasks/" + id).then().statusCode(401);
    }

    @Test
    void instanceCreationPerEventIsMeasured() {
        // 20 engagements, each with every value-add service: 6 instances per EngagementCreated.
        String partner = Api.partner();
        Timer before = registry.find("workshop.events.handling").tag("type", "workshop.engagement.EngagementCreated.v1").timer();
        long countBefore = before == null ? 0 : before.count();
        double totalBefore = before == null ? 0 : before.totalTime(TimeUnit.MILLISECONDS);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Api.engagementCreated(id, partner, "OD", "SPO", "M365_APPS", "WIN10", "EXO");
        }
        for (UUID id : ids) {
            Api.awaitTasks(partner, id, 6);
        }
        Timer timer = registry.find("workshop.events.handling").tag("type", "workshop.engagement.EngagementCreated.v1").timer();
        assertNotNull(timer);
        assertTrue(timer.count() >= 20);
        System.out.printf("[measure] EngagementCreated → 6 instances + TaskProgressChanged, one transaction: %d events, mean %.2f ms"
                        + " (all %d EngagementCreated since start: mean %.2f ms, max %.2f ms)%n",
                timer.count() - countBefore, (timer.totalTime(TimeUnit.MILLISECONDS) - totalBefore) / (timer.count() - countBefore),
                timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
    }
}
