package com.successworkshop.kit;

import com.successworkshop.kit.retention.Retention;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.kit.testing.ServiceTestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's consumer on the real broker and PostgreSQL, as every service's consumer uses it. */
@QuarkusTest
@QuarkusTestResource(value = KitTestInfra.class, restrictToAnnotatedClass = true)
class KitConsumerTest {

    static final String IN = ServiceTestInfra.topic("kit-in");
    static final String DLQ = ServiceTestInfra.topic("kit-in-dlq");
    static final String SIDE = ServiceTestInfra.topic("kit-side");
    static final String SIDE_DLQ = ServiceTestInfra.topic("kit-side-dlq");

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    Retention retention;

    static ProducerRecord<String, String> event(UUID engagement, UUID id, String type, String json) {
        return KafkaTestClient.cloudEvent(IN, engagement.toString(), id, type, Instant.now(), json);
    }

    static ProducerRecord<String, String> opened(UUID engagement) {
        return event(engagement, UUID.randomUUID(), KitTestConsumer.OPENED, "{}");
    }

    static ProducerRecord<String, String> noted(UUID engagement, String json) {
        return event(engagement, UUID.randomUUID(), KitTestConsumer.NOTED, json);
    }

    List<String> effects(UUID engagement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> notes = em.createNativeQuery("select note from kit_effect where engagement = :g order by seq")
                    .setParameter("g", engagement).getResultList();
            return new ArrayList<>(notes);
        });
    }

    double counter(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aBatchWithOnePoisonRecordDeadLettersExactlyThatRecordAndAppliesTheRest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        KafkaTestClient.sendAll(List.of(opened(a), opened(b), noted(a, "{\"colours\":[\"RED\"]}"),
                noted(b, "{\"colours\":[],\"poison\":true}"), noted(a, "{\"colours\":[\"BLUE\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(List.of("opened", "colours [RED]", "colours [BLUE]"), effects(a));
            assertEquals(List.of("opened"), effects(b));
        });
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DLQ, r -> b.toString().equals(r.key()));
        assertEquals(1, dead.stream().filter(r -> r.key().equals(b.toString()) || r.key().equals(a.toString())).count(),
                "only the poison record is dead-lettered");
        assertTrue(KafkaTestClient.header(dead.get(dead.size() - 1), "dead-letter-reason").contains("can never apply"));
    }

    @Test
    void eachTopicOnTheOneChannelGoesToItsOwnConsumerAndItsOwnDeadLetterTopic() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        KafkaTestClient.sendAll(List.of(opened(a),
                KafkaTestClient.cloudEvent(SIDE, a.toString(), UUID.randomUUID(), KitSideConsumer.SIDE_NOTED, Instant.now(), "{\"note\":\"agenda sent\"}"),
                KafkaTestClient.cloudEvent(SIDE, b.toString(), UUID.randomUUID(), KitSideConsumer.SIDE_NOTED, Instant.now(), "{\"poison\":true}"),
                // kit-in's type on kit-side: routed by topic, so kit-side's consumer skips it rather than kit-in's applying it.
                KafkaTestClient.cloudEvent(SIDE, a.toString(), UUID.randomUUID(), KitTestConsumer.NOTED, Instant.now(), "{\"colours\":[\"RED\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(List.of("opened", "side agenda sent"), effects(a).stream().sorted().toList()));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(SIDE_DLQ, r -> b.toString().equals(r.key()));
        assertEquals(1, dead.size(), "the poison record of kit-side, on kit-side's dead-letter topic");
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("side note can never apply"));
        assertEquals(List.of("opened", "side agenda sent"), effects(a).stream().sorted().toList());
    }

    @Test
    void anEventOfAnUnknownTypeOrVersionIsCountedAndSkippedNotDeadLettered() {
        UUID a = UUID.randomUUID();
        String v2 = "workshop.test.ColoursNoted.v2";
        double before = counter("workshop.events.skipped", "type", v2);
        KafkaTestClient.sendAll(List.of(opened(a), event(a, UUID.randomUUID(), v2, "{\"colours\":[\"RED\"]}"),
                noted(a, "{\"colours\":[\"GREEN\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("opened", "colours [GREEN]"), effects(a)));
        assertEquals(before + 1, counter("workshop.events.skipped", "type", v2));
        // A record that marks the end of the dead-letter topic so far: the skipped event must not stand before it.
        UUID marker = UUID.randomUUID();
        KafkaTestClient.send(IN, marker.toString(), Map.of("ce_type", KitTestConsumer.NOTED), "not json");
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DLQ, r -> marker.toString().equals(r.key()));
        assertTrue(dead.stream().noneMatch(r -> a.toString().equals(r.key())), "nothing of engagement a was dead-lettered");
    }

    @Test
    void anUnknownEnumValueIsReportedAndTheRestOfTheEventApplies() {
        UUID a = UUID.randomUUID();
        double before = counter("workshop.events.unknown-values", "field", "colours");
        KafkaTestClient.sendAll(List.of(opened(a), noted(a, "{\"colours\":[\"RED\",\"ULTRAVIOLET\",\"BLUE\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("opened", "colours [RED, BLUE]"), effects(a)));
        assertEquals(before + 1, counter("workshop.events.unknown-values", "field", "colours"));
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        UUID a = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> once = event(a, id, KitTestConsumer.NOTED, "{\"colours\":[\"RED\"]}");
        KafkaTestClient.sendAll(List.of(opened(a), once));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2, effects(a).size()));
        KafkaTestClient.sendAll(List.of(event(a, id, KitTestConsumer.NOTED, "{\"colours\":[\"RED\"]}"), noted(a, "{\"colours\":[\"GREEN\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("opened", "colours [RED]", "colours [GREEN]"), effects(a)));
    }

    @Test
    void anEventBeforeItsEngagementIsParkedAndAppliedRightAfterIt() {
        UUID a = UUID.randomUUID();
        KafkaTestClient.sendAll(List.of(noted(a, "{\"colours\":[\"RED\"]}"), noted(a, "{\"colours\":[\"GREEN\"]}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2L, parked(a)));
        assertEquals(List.of(), effects(a));
        KafkaTestClient.sendAll(List.of(opened(a)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("opened", "colours [RED]", "colours [GREEN]"), effects(a)));
        assertEquals(0L, parked(a));
    }

    long parked(UUID engagement) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from parked_event where engagement_id = :g").setParameter("g", engagement).getSingleResult()).longValue());
    }

    @Test
    void retentionDeletesWhatIsPastItsHorizonAndNothingNewer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox(tag + "-sent-old", "now() - interval '4 days'", "now() - interval '4 days'");
            outbox(tag + "-sent-new", "now() - interval '1 day'", "now() - interval '1 day'");
            outbox(tag + "-unsent-old", "now() - interval '9 days'", null);
            inbox(tag + "-old", "now() - interval '8 days'");
            inbox(tag + "-new", "now() - interval '6 days'");
            idempotency(tag + "-old", "now() - interval '25 hours'");
            idempotency(tag + "-new", "now() - interval '23 hours'");
        });
        retention.purge();
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(List.of(tag + "-sent-new", tag + "-unsent-old"), strings("select subject from outbox_event where subject like :t order by subject", tag));
            assertEquals(List.of(tag + "-new"), strings("select subject from inbox_event where subject like :t", tag));
            assertEquals(List.of(tag + "-new"), strings("select idem_key from idempotency_record where idem_key like :t", tag));
        });
    }

    private void outbox(String subject, String occurred, String sent) {
        em.createNativeQuery("insert into outbox_event(id, subject, type, source, occurred_at, payload, sent_at) values (:id, :s, 'workshop.test.T.v1', '/t', "
                + occurred + ", cast('{}' as jsonb), " + (sent == null ? "null" : sent) + ")").setParameter("id", UUID.randomUUID()).setParameter("s", subject).executeUpdate();
    }

    private void inbox(String subject, String at) {
        em.createNativeQuery("insert into inbox_event(event_id, type, subject, processed_at) values (:id, 'workshop.test.T.v1', :s, " + at + ")")
                .setParameter("id", UUID.randomUUID()).setParameter("s", subject).executeUpdate();
    }

    private void idempotency(String key, String at) {
        em.createNativeQuery("insert into idempotency_record(scope, idem_key, request_hash, status, body, created_at) values ('t', :k, 'h', 201, '{}', " + at + ")")
                .setParameter("k", key).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, String tag) {
        return em.createNativeQuery(sql).setParameter("t", tag + "%").getResultList();
    }
}
