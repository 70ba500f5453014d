package com.successworkshop.engagement;

import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.kit.testing.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox, seen from Kafka: committed writes publish CloudEvents, rolled-back ones publish nothing. */
@QuarkusTest
class OutboxTest {

    @Inject
    OutboxWriter outbox;
    @Inject
    EntityManager em;

    @Test
    void aCommittedWriteIsOnTheTopicAsACloudEventKeyedByEngagement() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 25_000, true, "OD", "SPO"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Events.engagementTopic(), Events.of(id, "EligibilityDetermined"))
                .stream().filter(r -> id.equals(r.key())).toList();
        ConsumerRecord<String, String> created = records.get(0);
        assertEquals("workshop.engagement.EngagementCreated.v1", header(created, "ce_type"), "EngagementCreated comes first");
        assertEquals("1.0", header(created, "ce_specversion"));
        assertEquals(id, header(created, "ce_subject"));
        assertEquals("/engagement-service", header(created, "ce_source"));
        assertEquals("application/json", header(created, "content-type"));
        assertNotNull(UUID.fromString(header(created, "ce_id")));
        assertTrue(Instant.parse(header(created, "ce_time")).isBefore(Instant.now().plusSeconds(1)));
        var data = Events.data(created);
        assertEquals(partner, data.path("partnerId").asText());
        assertEquals(25_000, data.path("licenceCount").asInt());
        assertEquals("[\"OD\",\"SPO\"]", data.path("intendedServices").toString());
        assertEquals("workshop.engagement.EligibilityDetermined.v1", header(records.get(records.size() - 1), "ce_type"));
        // The timeline names the event each entry published: the CloudEvents id a consumer sees.
        List<String> eventIds = Api.manager(partner).get("/api/v1/engagements/" + id + "/timeline").then().statusCode(200)
                .extract().path("items.findAll { it.kind == 'ENGAGEMENT_CREATED' }.eventId");
        assertEquals(List.of(header(created, "ce_id")), eventIds);
    }

    @Test
    void theEventCarriesTheTraceOfTheRequestThatWroteIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String partner = Api.partner();
        String id = Api.manager(partner).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(engagement("Traced Co", 10, false, "OD")).post("/api/v1/engagements")
                .then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> created = KafkaTestClient.readUntil(Events.engagementTopic(), Events.of(id, "EngagementCreated"))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        String traceparent = header(created, "traceparent");
        assertNotNull(traceparent, "the record has a W3C traceparent header");
        assertEquals(traceId, traceparent.split("-")[1], "same trace as the HTTP request, through the outbox");
    }

    @Test
    void aRolledBackWriteSendsNoEvent() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append("KickoffCompleted", rolledBack, Map.of("engagementId", rolledBack, "partnerId", "p"));
            throw new IllegalStateException("the business write failed after the event was appended");
        }));
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append("KickoffCompleted", committed, Map.of("engagementId", committed, "partnerId", "p")));

        List<ConsumerRecord<String, String>> seen = KafkaTestClient.readUntil(Events.engagementTopic(), r -> committed.equals(r.key()));
        assertTrue(seen.stream().noneMatch(r -> rolledBack.equals(r.key())), "the rolled-back event was published");
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where subject = :s").setParameter("s", rolledBack).getSingleResult()).longValue());
        assertEquals(0, rows);
    }
}
