package com.successworkshop.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.engagement.support.TestInfra;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Playbook: Next steps — check-ins review the success checklist and the plan's actions; the FM's overview shows both. */
@QuarkusTest
class CheckInTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** ssat-service's documented example of an event (the producer's contract), about this engagement. */
    private static void publishSsatExample(String name, String engagementId, String partnerId, Map<String, Object> overrides, Instant time) throws Exception {
        JsonNode spec = YAML.readTree(new File("../ssat-service/src/main/asyncapi/ssat-service.yaml"));
        ObjectNode data = (ObjectNode) spec.path("components").path("messages").path(name).path("examples").path(0).path("payload").deepCopy();
        data.put("engagementId", engagementId).put("partnerId", partnerId);
        overrides.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        KafkaTestClient.sendCloudEvent(TestInfra.topic("ssat-events"), engagementId, UUID.randomUUID(),
                "workshop.ssat." + name + ".v1", time, JSON.writeValueAsString(data));
    }

    @Test
    void aCheckInRecordsThePlanAndChecklistItReviewedAndTheNextFollowsTheCadence() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 25_000, true, "OD"));
        String base = "/api/v1/engagements/" + id;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        manager(partner).body(Map.of("heldOn", today.toString())).post(base + "/check-ins/held").then().statusCode(409)
                .body("rule", equalTo("check-in.not-agreed"));
        manager(partner).body(Map.of("cadence", "BIWEEKLY", "nextDate", today.toString())).post(base + "/check-ins").then().statusCode(200);

        Instant t = Instant.now();
        publishSsatExample("SuccessPlanActionChanged", id, partner, Map.of("changedAt", t.toString(),
                "progress", Map.of("actionsTotal", 4, "actionsDone", 1, "actionsOpen", 3, "actionsBlocked", 1, "actionsOverdue", 1, "percentDone", 25)), t);
        // An older plan event arriving late changes nothing; so does an older checklist revision.
        publishSsatExample("SuccessPlanActionChanged", id, partner, Map.of("changedAt", t.minusSeconds(60).toString(),
                "progress", Map.of("actionsTotal", 1, "actionsDone", 0, "actionsOpen", 1, "actionsBlocked", 0, "actionsOverdue", 0, "percentDone", 0)), t);
        publishSsatExample("SuccessChecklistChanged", id, partner, Map.of("checklistVersion", 3, "completenessPercent", 30), t);
        publishSsatExample("SuccessChecklistChanged", id, partner, Map.of("checklistVersion", 2, "completenessPercent", 20), t);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> manager(partner).get(base + "/overview").then().statusCode(200)
                .body("successPlan.percentDone", equalTo(25)).body("successPlan.actionsOpen", equalTo(3))
                .body("successPlan.actionsOverdue", equalTo(1)).body("successPlan.checklistVersion", equalTo(3))
                .body("successPlan.checklistCompletenessPercent", equalTo(30)).body("successPlan.asOf", notNullValue())
                .body("lastCheckIn", nullValue()));

        String key = UUID.randomUUID().toString();
        Map<String, Object> held = Map.of("heldOn", today.toString(), "notes", "Walked through the checklist",
                "decisions", List.of("Move the Teams training to February"),
                "attendees", List.of(Map.of("name", "Aiko Tanaka", "organisation", "Contoso", "role", "Success owner")));
        String checkInId = manager(partner).header("Idempotency-Key", key).body(held).post(base + "/check-ins/held").then().statusCode(201)
                .header("Location", containsString(base + "/check-ins/held/"))
                .body("reviewed.checklistVersion", equalTo(3)).body("reviewed.checklistCompletenessPercent", equalTo(30))
                .body("reviewed.planPercentDone", equalTo(25)).body("reviewed.actionsOpen", equalTo(3))
                .body("nextDate", equalTo(today.plusDays(14).toString())).extract().path("id");
        manager(partner).header("Idempotency-Key", key).body(held).post(base + "/check-ins/held").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        manager(partner).get(base + "/check-ins/held").then().statusCode(200).body("total", equalTo(1)).body("items", hasSize(1));
        manager(partner).get(base + "/check-ins/held/" + checkInId).then().statusCode(200).body("decisions[0]", equalTo("Move the Teams training to February"));
        manager(partner).get(base + "/overview").then().statusCode(200)
                .body("lastCheckIn", equalTo(today.toString())).body("nextCheckIn", equalTo(today.plusDays(14).toString()));

        JsonNode event = Events.data(Events.awaitEvent(id, "CheckInHeld").stream()
                .filter(Events.of(id, "CheckInHeld")).findFirst().orElseThrow());
        assertEquals(checkInId, event.path("checkInId").asText());
        assertEquals(3, event.path("checklistVersion").asInt());
        assertEquals(today.plusDays(14).toString(), event.path("nextDate").asText());

        manager(partner).body(Map.of("heldOn", today.plusDays(10).toString())).post(base + "/check-ins/held").then().statusCode(400)
                .body("errors[0].field", equalTo("heldOn"));
        manager(partner).body(Map.of()).post(base + "/check-ins/held").then().statusCode(400).body("errors[0].field", equalTo("heldOn"));

        String other = Api.partner();
        manager(other).get(base + "/check-ins/held").then().statusCode(404);
        manager(other).get(base + "/check-ins/held/" + checkInId).then().statusCode(404);
        manager(other).body(held).post(base + "/check-ins/held").then().statusCode(404);
    }
}
