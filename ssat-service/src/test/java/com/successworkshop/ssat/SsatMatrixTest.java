package com.successworkshop.ssat;

import com.fasterxml.jackson.databind.JsonNode;
import com.successworkshop.ssat.support.Api;
import com.successworkshop.ssat.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.ssat.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.etag;
import static com.successworkshop.ssat.support.Api.manager;
import static com.successworkshop.ssat.support.Api.ssat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class SsatMatrixTest {

    @Test
    void engagementCreatedOnTheTopicYieldsTheMatrixAllNotStarted() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD", "SPO");
        manager(partner).get(ssat(id)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("partnerId", equalTo(partner))
                .body("services.service", contains("OD", "SPO"))
                .body("services[0].factors.factor", contains("STAKEHOLDERS", "SCENARIOS", "AWARENESS", "TRAINING"))
                .body("services.factors.flatten().status", everyItem(equalTo("NOT_STARTED")))
                .body("readiness.servicesRecorded", equalTo(0)).body("readiness.servicesTotal", equalTo(2))
                .body("readiness.allRecorded", equalTo(false)).body("readiness.factorsTotal", equalTo(8));
        var records = Events.awaitSsatEvent(id, Events.of(id, "SsatReadinessChanged"));
        JsonNode d = Events.data(records.get(records.size() - 1));
        assertEquals(2, d.path("servicesTotal").asInt());
        assertEquals(partner, d.path("partnerId").asText());
        assertEquals("[\"OD\",\"SPO\"]", d.path("missingServices").toString());
    }

    @Test
    void anUpdatePublishesFactorUpdatedAndReadinessChanged() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String etag = etag(partner, id);
        String next = manager(partner).header("If-Match", etag)
                .body(Map.of("status", "IN_PLACE", "owner", "Aiko Tanaka"))
                .put(ssat(id) + "/OD/STAKEHOLDERS")
                .then().statusCode(200)
                .body("services[0].factors.find { it.factor == 'STAKEHOLDERS' }.status", equalTo("IN_PLACE"))
                .body("services[0].factors.find { it.factor == 'STAKEHOLDERS' }.changedBy", equalTo("fm@" + partner + ".example"))
                .body("readiness.factorsInPlace", equalTo(1))
                .extract().header("ETag");
        assertTrue(!etag.equals(next), "the ETag moves with the change");

        List<ConsumerRecord<String, String>> records = Events.awaitSsatEvent(id,
                r -> Events.of(id, "SsatReadinessChanged").test(r) && Events.data(r).path("factorsInPlace").asInt() == 1);
        ConsumerRecord<String, String> updated = records.stream().filter(Events.of(id, "SsatFactorUpdated")).findFirst().orElseThrow();
        JsonNode d = Events.data(updated);
        assertEquals("OD", d.path("service").asText());
        assertEquals("STAKEHOLDERS", d.path("factor").asText());
        assertEquals("NOT_STARTED", d.path("previousStatus").asText());
        assertEquals("IN_PLACE", d.path("status").asText());
        assertEquals(id.toString(), KafkaTestClient.header(updated, "ce_subject"));
        assertEquals("/ssat-service", KafkaTestClient.header(updated, "ce_source"));
        assertEquals("1.0", KafkaTestClient.header(updated, "ce_specversion"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String poisonKey = UUID.randomUUID().toString();
        KafkaTestClient.send(Events.engagementTopic(), poisonKey, Map.of("ce_type", "workshop.engagement.EngagementCreated.v1"), "not json");
        var dead = KafkaTestClient.readUntil(TestInfra.topic("engagement-events-dlq"), r -> poisonKey.equals(r.key()));
        String reason = KafkaTestClient.header(dead.get(dead.size() - 1), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not a CloudEvent"), "reason header names the problem: " + reason);
        Api.matrix(Api.partner(), "OD");
    }

    @Test
    void invalidTransitionsAndMissingGapOrReasonAre400Problems() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String etag = manager(partner).header("If-Match", etag(partner, id)).body(Map.of("status", "IN_PROGRESS"))
                .put(ssat(id) + "/OD/SCENARIOS").then().statusCode(200).extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("status", "NOT_STARTED")).put(ssat(id) + "/OD/SCENARIOS")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "GAP_IDENTIFIED")).put(ssat(id) + "/OD/SCENARIOS")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("gap"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "GAP_IDENTIFIED", "gap", "  ")).put(ssat(id) + "/OD/SCENARIOS")
                .then().statusCode(400).body("errors[0].field", equalTo("gap"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "NOT_APPLICABLE")).put(ssat(id) + "/OD/TRAINING")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "DONE")).put(ssat(id) + "/OD/TRAINING")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/OD/MOOD")
                .then().statusCode(400).body("errors[0].field", equalTo("factor"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/NOPE/TRAINING")
                .then().statusCode(400).body("errors[0].field", equalTo("service"));
        manager(partner).header("If-Match", etag).body(Map.of()).put(ssat(id) + "/OD/no-prerequisites")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/TEAMS/TRAINING")
                .then().statusCode(404).contentType("application/problem+json");
        // Nothing of the rejected requests was written.
        manager(partner).get(ssat(id)).then().header("ETag", equalTo(etag))
                .body("services[0].factors.find { it.factor == 'TRAINING' }.status", equalTo("NOT_STARTED"));
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String etag = etag(partner, id);
        manager(partner).body(Map.of("status", "IN_PROGRESS")).put(ssat(id) + "/OD/AWARENESS")
                .then().statusCode(428).contentType("application/problem+json");
        manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PROGRESS")).put(ssat(id) + "/OD/AWARENESS")
                .then().statusCode(200);
        manager(partner).header("If-Match", etag).body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/OD/AWARENESS")
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        manager(partner).header("If-Match", etag).body(Map.of("reason", "x")).put(ssat(id) + "/OD/no-prerequisites")
                .then().statusCode(412);
    }

    @Test
    void concurrentFirstChangesOfAFactorWithOneEtagLeaveOneWinnerAndTheRest412() throws Exception {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String etag = etag(partner, id);
        // A factor's first change writes its row: racing first changes must meet on the ETag, never on the row's key.
        List<String> statuses = List.of("IN_PROGRESS", "IN_PLACE", "IN_PROGRESS", "IN_PLACE");
        List<Integer> codes = Api.race(4, i -> manager(partner).header("If-Match", etag).body(Map.of("status", statuses.get(i)))
                .put(ssat(id) + "/OD/TRAINING").then().extract().statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "answers " + codes);
        assertEquals(3, codes.stream().filter(c -> c == 412).count(), "answers " + codes);
        manager(partner).get(ssat(id)).then().statusCode(200)
                .body("services[0].factors.find { it.factor == 'TRAINING' }.status", not(equalTo("NOT_STARTED")))
                .body("services[0].factors", hasSize(4));
    }

    @Test
    void anotherPartnerCannotReadOrChangeTheMatrix() {
        String partnerA = Api.partner();
        UUID id = Api.matrix(partnerA, "OD");
        String other = Api.partner();
        manager(other).get(ssat(id)).then().statusCode(404).contentType("application/problem+json");
        manager(other).get(ssat(id) + "/gaps").then().statusCode(404);
        manager(other).get(ssat(id) + "/snapshot").then().statusCode(404);
        manager(other).header("If-Match", "*").body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/OD/TRAINING").then().statusCode(404);
        manager(other).get("/api/v1/engagements/" + id + "/success-metrics").then().statusCode(404);
        manager(other).queryParam("engagementId", id.toString()).get("/api/v1/ssat/readiness")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        Api.as(Tokens.of(partnerA, "partner-viewer")).get(ssat(id)).then().statusCode(200);
        Api.as(Tokens.of(partnerA, "partner-viewer")).header("If-Match", "*").body(Map.of("status", "IN_PLACE"))
                .put(ssat(id) + "/OD/TRAINING").then().statusCode(403).contentType("application/problem+json");
        given().get(ssat(id)).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aDuplicatedEngagementCreatedCreatesNothingTwice() {
        String partner = Api.partner();
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Instant t = Instant.now();
        Events.engagementCreated(eventId, id, partner, t, "OD", "SPO");
        Events.engagementCreated(eventId, id, partner, t, "OD", "SPO");
        Events.engagementCreated(UUID.randomUUID(), id, partner, t, "OD", "SPO", "EXO");
        // A later event on the same key: once its effect shows, every copy before it was consumed.
        Events.intendedServicesChanged(id, partner, t.plusSeconds(1), List.of("TEAMS"), List.of(), List.of("OD", "SPO", "TEAMS"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get(ssat(id)).then().statusCode(200)
                .body("services.service", hasItem("TEAMS")));
        manager(partner).get(ssat(id)).then().body("services.service", contains("OD", "SPO", "TEAMS"))
                .body("services.service", not(hasItem("EXO")));
        List<ConsumerRecord<String, String>> records = Events.awaitSsatEvent(id,
                r -> Events.of(id, "SsatReadinessChanged").test(r) && Events.data(r).path("servicesTotal").asInt() == 3);
        assertEquals(2, records.stream().filter(Events.of(id, "SsatReadinessChanged")).count(),
                "one readiness event for the creation, one for the added service");
    }

    @Test
    void anEngagementCreatedInALaterBatchForAnExistingMatrixChangesNothing() {
        String partner = Api.partner();
        UUID id = UUID.randomUUID();
        Instant t = Instant.now();
        Events.engagementCreated(UUID.randomUUID(), id, partner, t, "OD");
        Api.awaitMatrix(partner, id);
        // The batch that brings it asks once which of its engagements have a matrix: this one has.
        Events.engagementCreated(UUID.randomUUID(), id, partner, t, "OD", "EXO");
        UUID other = Events.engagementCreated(partner, "SPO");
        Events.intendedServicesChanged(id, partner, t.plusSeconds(1), List.of("TEAMS"), List.of(), List.of("OD", "TEAMS"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get(ssat(id)).then().statusCode(200)
                .body("services.service", hasItem("TEAMS")));
        manager(partner).get(ssat(id)).then().body("services.service", contains("OD", "TEAMS"));
        Api.awaitMatrix(partner, other);
        manager(partner).get(ssat(other)).then().body("services.service", contains("SPO"));
        assertFalse(Events.deadLettered(id), "ignored, not failed: nothing dead-lettered");
    }

    @Test
    void aWorkloadThisServiceDoesNotKnowIsLeftOutAndTheRestOfTheEventApplies() {
        String partner = Api.partner();
        UUID id = UUID.randomUUID();
        Events.engagementCreated(UUID.randomUUID(), id, partner, Instant.now(), "OD", "HOLOLENS", "SPO");
        Api.awaitMatrix(partner, id);
        manager(partner).get(ssat(id)).then().body("services.service", contains("OD", "SPO"));
        assertFalse(Events.deadLettered(id), "the event is not dead-lettered");
    }

    @Test
    void anEventBeforeEngagementCreatedIsParkedThenApplied() {
        String partner = Api.partner();
        UUID id = UUID.randomUUID();
        Instant t = Instant.now();
        Events.intendedServicesChanged(id, partner, t.plusSeconds(5), List.of("TEAMS"), List.of("SPO"), List.of("OD", "TEAMS"));
        Events.engagementCreated(UUID.randomUUID(), id, partner, t, "OD", "SPO");
        Api.awaitMatrix(partner, id);
        manager(partner).get(ssat(id)).then()
                .body("services.service", contains("OD", "TEAMS", "SPO"))
                .body("services.find { it.service == 'SPO' }.retired", equalTo(true))
                .body("readiness.servicesTotal", equalTo(2))
                .body("readiness.missingServices", contains("OD", "TEAMS"));
        manager(partner).header("If-Match", "*").body(Map.of("status", "IN_PLACE")).put(ssat(id) + "/SPO/TRAINING")
                .then().statusCode(409).body("rule", equalTo("ssat.service-retired"));
    }

    @Test
    void readinessCountsRecordedServicesGapsAndNoPrerequisites() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD", "SPO");
        String etag = etag(partner, id);
        etag = put(partner, id, etag, "OD/STAKEHOLDERS", Map.of("status", "IN_PLACE"));
        etag = put(partner, id, etag, "OD/SCENARIOS", Map.of("status", "GAP_IDENTIFIED", "gap", "No pilot scenario agreed", "owner", "Kenji"));
        etag = put(partner, id, etag, "OD/AWARENESS", Map.of("status", "NOT_APPLICABLE", "reason", "Rolled out silently"));
        etag = put(partner, id, etag, "OD/TRAINING", Map.of("status", "IN_PROGRESS"));
        manager(partner).get(ssat(id)).then().body("readiness.servicesRecorded", equalTo(1))
                .body("readiness.missingServices", contains("SPO")).body("readiness.gaps", equalTo(1));
        manager(partner).header("If-Match", etag).body(Map.of("reason", "Customer already runs SharePoint 2019 with trained users"))
                .put(ssat(id) + "/SPO/no-prerequisites").then().statusCode(200)
                .body("readiness.servicesRecorded", equalTo(2)).body("readiness.allRecorded", equalTo(true))
                .body("services.find { it.service == 'SPO' }.noPrerequisites", equalTo(true));
        manager(partner).get(ssat(id) + "/gaps").then().statusCode(200)
                .body("", hasSize(1)).body("[0].service", equalTo("OD")).body("[0].factor", equalTo("SCENARIOS"))
                .body("[0].gap", equalTo("No pilot scenario agreed")).body("[0].owner", equalTo("Kenji"));
        UUID other = Api.matrix(partner, "TEAMS");
        manager(partner).queryParam("engagementId", id + "," + other).get("/api/v1/ssat/readiness").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.engagementId == '" + id + "' }.readiness.allRecorded", equalTo(true))
                .body("items.find { it.engagementId == '" + other + "' }.readiness.allRecorded", equalTo(false));
        manager(partner).queryParam("engagementId", "nope").get("/api/v1/ssat/readiness").then().statusCode(400)
                .body("errors[0].field", equalTo("engagementId"));
        manager(partner).queryParam("size", 201).get("/api/v1/ssat/readiness").then().statusCode(400);
        var last = Events.awaitSsatEvent(id, r -> Events.of(id, "SsatReadinessChanged").test(r) && Events.data(r).path("allRecorded").asBoolean());
        JsonNode d = Events.data(last.get(last.size() - 1));
        assertEquals(2, d.path("servicesRecorded").asInt());
        assertEquals(1, d.path("gaps").asInt());
    }

    @Test
    void workshopCompletedKeepsASnapshotBesideTheLiveMatrix() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        manager(partner).get(ssat(id) + "/snapshot").then().statusCode(404).contentType("application/problem+json");
        String etag = put(partner, id, etag(partner, id), "OD/STAKEHOLDERS", Map.of("status", "IN_PLACE"));
        Events.workshopCompleted(id, partner, List.of("OD"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).get(ssat(id) + "/snapshot").then().statusCode(200));
        put(partner, id, etag(partner, id), "OD/TRAINING", Map.of("status", "IN_PLACE"));
        manager(partner).get(ssat(id) + "/snapshot").then().statusCode(200)
                .body("takenAt", notNullValue())
                .body("matrix.services[0].factors.find { it.factor == 'STAKEHOLDERS' }.status", equalTo("IN_PLACE"))
                .body("matrix.services[0].factors.find { it.factor == 'TRAINING' }.status", equalTo("NOT_STARTED"));
        manager(partner).get(ssat(id)).then().body("services[0].factors.find { it.factor == 'TRAINING' }.status", equalTo("IN_PLACE"))
                .body("snapshotTakenAt", notNullValue());
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("kafka-outbox"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_pending"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("updateSsatFactor")).body(containsString("getSuccessReviewReadiness"));
    }

    private static String put(String partner, UUID id, String etag, String path, Map<String, Object> body) {
        return manager(partner).header("If-Match", etag).body(body).put(ssat(id) + "/" + path)
                .then().statusCode(200).extract().header("ETag");
    }
}
