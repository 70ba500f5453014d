package com.successworkshop.ssat;

import com.fasterxml.jackson.databind.JsonNode;
import com.successworkshop.ssat.support.Api;
import com.successworkshop.ssat.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static com.successworkshop.ssat.support.Api.ssat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Playbook: Outcomes — the success plan's actions and owners, proposed by SSAT gaps, and the success-plan checklist. */
@QuarkusTest
class SuccessPlanTest {

    private static String plan(UUID id) {
        return "/api/v1/engagements/" + id + "/success-plan";
    }

    private static String etag(String partner, String path) {
        return manager(partner).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void gap(String partner, UUID id, String service, String factor, String gap) {
        manager(partner).header("If-Match", Api.etag(partner, id)).body(Map.of("status", "GAP_IDENTIFIED", "gap", gap))
                .put(ssat(id) + "/" + service + "/" + factor).then().statusCode(200);
    }

    @Test
    void aGapProposesAnActionThatOnceOwnedAndClosedShowsInProgressAndSetsTheFactorInPlace() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD", "TEAMS");
        gap(partner, id, "OD", "AWARENESS", "Nobody has heard of the OneDrive roll-out");
        gap(partner, id, "OD", "AWARENESS", "Only IT has heard of the OneDrive roll-out");

        String actionId = manager(partner).get(plan(id)).then().statusCode(200)
                .body("actions", hasSize(1)).body("actions[0].status", equalTo("PROPOSED"))
                .body("actions[0].service", equalTo("OD")).body("actions[0].factor", equalTo("AWARENESS"))
                .body("actions[0].gap", equalTo("Only IT has heard of the OneDrive roll-out"))
                .body("progress.actionsTotal", equalTo(0)).extract().path("actions[0].id");
        String action = plan(id) + "/actions/" + actionId;

        // Accepting before an owner is named works; starting does not.
        manager(partner).header("If-Match", etag(partner, action)).body(Map.of("status", "IN_PROGRESS")).put(action + "/status")
                .then().statusCode(409).body("rule", equalTo("success-plan.owner-required"));
        Map<String, Object> edit = new HashMap<>(Map.of("title", "Run the OneDrive champions programme", "service", "OD",
                "factor", "AWARENESS", "owner", Map.of("name", "Aiko Tanaka", "organisation", "Contoso Ltd", "role", "CUSTOMER"),
                "dueDate", LocalDate.now().plusDays(30).toString()));
        manager(partner).body(edit).put(action).then().statusCode(428);
        manager(partner).header("If-Match", etag(partner, action)).body(edit).put(action).then().statusCode(200)
                .body("owner.name", equalTo("Aiko Tanaka")).body("status", equalTo("PROPOSED"));
        manager(partner).header("If-Match", "\"0\"").body(Map.of("status", "NOT_STARTED")).put(action + "/status").then().statusCode(412);
        manager(partner).header("If-Match", etag(partner, action)).body(Map.of("status", "NOT_STARTED")).put(action + "/status")
                .then().statusCode(200).body("status", equalTo("NOT_STARTED"));

        // A second action the FM adds, overdue; a blocked one needs a reason.
        String key = UUID.randomUUID().toString();
        Map<String, Object> second = Map.of("title", "Book the Teams training for floor managers", "service", "TEAMS", "factor", "TRAINING",
                "owner", Map.of("name", "Ben Okafor", "organisation", "Partner A", "role", "PARTNER"), "dueDate", "2026-01-31");
        String secondId = manager(partner).header("Idempotency-Key", key).body(second).post(plan(id) + "/actions").then().statusCode(201)
                .header("Location", containsString(plan(id) + "/actions/")).header("ETag", equalTo("\"0\""))
                .body("overdue", equalTo(true)).extract().path("id");
        manager(partner).header("Idempotency-Key", key).body(second).post(plan(id) + "/actions").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        String secondAction = plan(id) + "/actions/" + secondId;
        manager(partner).header("If-Match", etag(partner, secondAction)).body(Map.of("status", "BLOCKED")).put(secondAction + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        manager(partner).header("If-Match", etag(partner, secondAction)).body(Map.of("status", "BLOCKED", "reason", "Training budget not approved"))
                .put(secondAction + "/status").then().statusCode(200).body("statusReason", equalTo("Training budget not approved"));

        manager(partner).header("If-Match", etag(partner, action)).body(Map.of("status", "DONE", "setFactorInPlace", true))
                .put(action + "/status").then().statusCode(200).body("status", equalTo("DONE"));
        manager(partner).get(ssat(id)).then().statusCode(200)
                .body("services.find { it.service == 'OD' }.factors.find { it.factor == 'AWARENESS' }.status", equalTo("IN_PLACE"));
        manager(partner).get(plan(id)).then().statusCode(200)
                .body("progress.actionsTotal", equalTo(2)).body("progress.actionsDone", equalTo(1))
                .body("progress.actionsBlocked", equalTo(1)).body("progress.actionsOverdue", equalTo(1))
                .body("progress.percentDone", equalTo(50));
        manager(partner).queryParam("status", "BLOCKED").get(plan(id)).then().body("actions", hasSize(1)).body("actions[0].id", equalTo(secondId));
        manager(partner).queryParam("ownerRole", "CUSTOMER").get(plan(id)).then().body("actions.id", equalTo(List.of(actionId)));
        manager(partner).queryParam("status", "SOMETIMES").get(plan(id)).then().statusCode(400).body("errors[0].field", equalTo("status"));

        // A closed action cannot be dropped; it can be reopened.
        manager(partner).header("If-Match", etag(partner, action)).body(Map.of("status", "DROPPED", "reason", "x")).put(action + "/status")
                .then().statusCode(409).body("rule", equalTo("success-plan.transition"));

        List<ConsumerRecord<String, String>> events = Events.awaitSsatEvent(id,
                r -> Events.of(id, "SuccessPlanActionChanged").test(r) && Events.data(r).path("status").asText().equals("DONE"));
        JsonNode done = Events.data(events.stream().filter(r -> Events.of(id, "SuccessPlanActionChanged").test(r)
                && Events.data(r).path("status").asText().equals("DONE")).findFirst().orElseThrow());
        assertEquals(actionId, done.path("actionId").asText());
        assertEquals("Aiko Tanaka", done.path("owner").asText());
        assertEquals(50, done.path("progress").path("percentDone").asInt());
        assertEquals(1, done.path("progress").path("actionsBlocked").asInt());
    }

    @Test
    void theChecklistsCompletenessChangesWithEachItemAndItsRevisionCounts() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String checklist = plan(id) + "/checklist";
        manager(partner).get(checklist).then().statusCode(200).body("items", hasSize(10)).body("revision", equalTo(0))
                .body("completenessPercent", equalTo(0)).body("items.state", org.hamcrest.Matchers.everyItem(equalTo("OPEN")));

        manager(partner).header("If-Match", etag(partner, checklist)).body(Map.of("state", "CHECKED"))
                .put(checklist + "/items/SUCCESS_DEFINED").then().statusCode(200)
                .body("completenessPercent", equalTo(10)).body("revision", equalTo(1))
                .body("items.find { it.item == 'SUCCESS_DEFINED' }.changedBy", org.hamcrest.Matchers.notNullValue());
        manager(partner).header("If-Match", etag(partner, checklist)).body(Map.of("state", "NOT_APPLICABLE"))
                .put(checklist + "/items/USAGE_REPORTS_IN_USE").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        manager(partner).header("If-Match", etag(partner, checklist)).body(Map.of("state", "NOT_APPLICABLE", "reason", "No M365 admin access for the customer's team"))
                .put(checklist + "/items/USAGE_REPORTS_IN_USE").then().statusCode(200)
                .body("completenessPercent", equalTo(20)).body("revision", equalTo(2));
        manager(partner).header("If-Match", "\"0\"").body(Map.of("state", "CHECKED")).put(checklist + "/items/TRAINING_PLAN")
                .then().statusCode(412);
        manager(partner).header("If-Match", etag(partner, checklist)).body(Map.of("state", "CHECKED")).put(checklist + "/items/NO_SUCH_ITEM")
                .then().statusCode(400).body("errors[0].field", equalTo("item"));
        manager(partner).header("If-Match", etag(partner, checklist)).body(Map.of("state", "OPEN"))
                .put(checklist + "/items/SUCCESS_DEFINED").then().statusCode(200).body("completenessPercent", equalTo(10)).body("revision", equalTo(3));
        manager(partner).get(plan(id)).then().body("checklist.revision", equalTo(3)).body("checklist.itemsNotApplicable", equalTo(1));

        JsonNode last = Events.data(Events.awaitSsatEvent(id, r -> Events.of(id, "SuccessChecklistChanged").test(r)
                && Events.data(r).path("checklistVersion").asInt() == 3).getLast());
        assertEquals(10, last.path("completenessPercent").asInt());
    }

    @Test
    void concurrentFirstMarksOfAnItemWithOneEtagLeaveOneWinnerAndTheRest412() throws Exception {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String checklist = plan(id) + "/checklist";
        String etag = etag(partner, checklist);
        // An item's first change writes its row: racing first changes must meet on the ETag, never on the row's key.
        List<Integer> codes = Api.race(4, i -> manager(partner).header("If-Match", etag).body(Map.of("state", "CHECKED"))
                .put(checklist + "/items/OWNERS_NAMED").then().extract().statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "answers " + codes);
        assertEquals(3, codes.stream().filter(c -> c == 412).count(), "answers " + codes);
        manager(partner).get(checklist).then().statusCode(200).body("items", hasSize(10)).body("revision", equalTo(1))
                .body("items.find { it.item == 'OWNERS_NAMED' }.state", equalTo("CHECKED"));
    }

    @Test
    void theCustomerTakesThePlanHomeAsMarkdownAndAsAWordDocumentThatOpens() throws Exception {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        gap(partner, id, "OD", "TRAINING", "No training for floor managers");
        manager(partner).body(Map.of("title", "Book the OneDrive training | floor managers", "service", "OD", "factor", "TRAINING",
                        "owner", Map.of("name", "Aiko Tanaka", "organisation", "Contoso Ltd", "role", "CUSTOMER"), "dueDate", "2027-03-31"))
                .post(plan(id) + "/actions").then().statusCode(201);
        manager(partner).body(Map.of("service", "OD", "kind", "ACTIVE_USAGE_PERCENT", "name", "OneDrive active users", "unit", "%",
                "baseline", 5, "target", 40)).post("/api/v1/engagements/" + id + "/success-metrics").then().statusCode(201);

        String md = manager(partner).accept("text/markdown").get(plan(id) + "/document").then().statusCode(200)
                .header("Content-Disposition", containsString(".md")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(md.contains("Book the OneDrive training \\| floor managers"), md);
        org.junit.jupiter.api.Assertions.assertTrue(md.contains("Aiko Tanaka (Contoso Ltd)") && md.contains("OneDrive active users")
                && md.contains("No training for floor managers") && md.contains("Success-plan checklist"), md);

        byte[] docx = manager(partner).accept("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .get(plan(id) + "/document").then().statusCode(200).header("Content-Disposition", containsString(".docx"))
                .extract().asByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("Success plan"), text);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("Book the OneDrive training | floor managers"), text);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("Aiko Tanaka (Contoso Ltd)") && text.contains("2027-03-31"), text);
            assertEquals(4, doc.getTables().size(), "tables: metrics, SSAT, actions, checklist");
        }
        manager(Api.partner()).accept("text/markdown").get(plan(id) + "/document").then().statusCode(404);
    }

    @Test
    void anotherPartnerSeesNoneOfThePlan() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        gap(partner, id, "OD", "SCENARIOS", "No pilot scenario");
        String actionId = manager(partner).get(plan(id)).then().statusCode(200).body("actions", hasSize(1)).extract().path("actions[0].id");
        String other = Api.partner();
        manager(other).get(plan(id)).then().statusCode(404);
        manager(other).get(plan(id) + "/actions/" + actionId).then().statusCode(404);
        manager(other).get(plan(id) + "/checklist").then().statusCode(404);
        manager(other).header("If-Match", "\"0\"").body(Map.of("state", "CHECKED")).put(plan(id) + "/checklist/items/SUCCESS_DEFINED")
                .then().statusCode(404);
        manager(partner).get(plan(id)).then().body("actions.id", hasItem(actionId));
    }
}
