package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.engagement.support.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events from other services: a redelivered event has one effect; a poison message goes to the dead-letter topic. */
@QuarkusTest
class ReadModelConsumerTest {

    private static long readinessEntries(String partner, String id) {
        List<String> kinds = manager(partner).queryParam("size", 200).get("/api/v1/engagements/" + id + "/timeline")
                .then().statusCode(200).extract().path("items.kind");
        return kinds.stream().filter("SSAT_READINESS_CHANGED"::equals).count();
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD", "SPO"));
        UUID eventId = UUID.randomUUID();
        Instant time = Instant.now();
        Events.ssatReadiness(eventId, id, partner, 1, 2, List.of("SPO"), time);
        Events.ssatReadiness(eventId, id, partner, 1, 2, List.of("SPO"), time);
        // A later, different event: once its effect is visible, both copies of the first have been consumed.
        Events.ssatReadiness(id, partner, 2, 2, List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> readinessEntries(partner, id) >= 2);
        assertEquals(2, readinessEntries(partner, id), "one entry for the redelivered event, one for the later one");
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerOne() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD", "SPO"));
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(Map.of("startsAt", Instant.now().plusSeconds(86_400 * 20).toString(), "durationMinutes", 60))
                .post("/api/v1/engagements/" + id + "/workshop").then().statusCode(200);
        Instant now = Instant.now();
        Events.ssatReadiness(UUID.randomUUID(), id, partner, 2, 2, List.of(), now);
        Events.ssatReadiness(UUID.randomUUID(), id, partner, 0, 2, List.of("OD", "SPO"), now.minusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> readinessEntries(partner, id) >= 1);
        manager(partner).body(Map.of("successDefined", true, "checkInCadence", "MONTHLY"))
                .post("/api/v1/engagements/" + id + "/workshop/complete").then().statusCode(200)
                .body("workshop.state", equalTo("COMPLETED"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD"));
        String poisonKey = UUID.randomUUID().toString();
        KafkaTestClient.send(TestInfra.topic("ssat-events"), poisonKey, Map.of("ce_type", "workshop.ssat.SsatReadinessChanged.v1"), "not json at all");
        var deadLetters = KafkaTestClient.readUntil(TestInfra.topic("ssat-events-dlq"), r -> poisonKey.equals(r.key()));
        var dead = deadLetters.get(deadLetters.size() - 1);
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        org.junit.jupiter.api.Assertions.assertTrue(reason != null && reason.contains("not a CloudEvent"), "reason header names the problem: " + reason);
        Events.ssatReadiness(id, partner, 1, 1, List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> readinessEntries(partner, id) == 1);
    }
}
