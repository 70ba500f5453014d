package com.successworkshop.kit;

import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.kit.testing.ServiceTestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What leaves through the outbox, as a plain Kafka consumer of another team sees it. */
@QuarkusTest
@QuarkusTestResource(value = KitTestInfra.class, restrictToAnnotatedClass = true)
class OutboxTest {

    @Inject
    OutboxWriter outbox;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void anEventCommittedWithItsChangeLeavesAsABinaryModeCloudEventKeyedByItsSubject() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.append("ThingHappened", subject, Map.of("partnerId", "p-1", "n", 7)));
        List<ConsumerRecord<String, String>> seen = KafkaTestClient.readUntil(ServiceTestInfra.topic("kit-out"), r -> subject.equals(r.key()));
        ConsumerRecord<String, String> r = seen.get(seen.size() - 1);
        assertEquals("1.0", KafkaTestClient.header(r, "ce_specversion"));
        assertEquals(id.toString(), KafkaTestClient.header(r, "ce_id"));
        assertEquals("workshop.test.ThingHappened.v1", KafkaTestClient.header(r, "ce_type"));
        assertEquals("/platform-kit-test", KafkaTestClient.header(r, "ce_source"));
        assertEquals(subject, KafkaTestClient.header(r, "ce_subject"));
        assertNotNull(Instant.parse(KafkaTestClient.header(r, "ce_time")));
        assertEquals("application/json", KafkaTestClient.header(r, "content-type"));
        // The same wire format as the hand-written headers had, nothing more: the AsyncAPI examples still hold.
        java.util.Set<String> names = new java.util.TreeSet<>();
        r.headers().forEach(h -> names.add(h.key()));
        names.remove("traceparent");
        assertEquals(new java.util.TreeSet<>(java.util.List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time",
                "content-type")), names);
        assertTrue(KafkaTestClient.header(r, "ce_time").endsWith("Z"), "ce_time in RFC 3339 UTC, as before");
        assertEquals(mapper.readTree("{\"partnerId\":\"p-1\",\"n\":7}"), mapper.readTree(r.value()));
    }

    @Test
    void everyEventOfOneTransactionLeavesInTheOrderItWasAppended() {
        String subject = UUID.randomUUID().toString();
        // The topic exists first, as deploy/k8s creates it: while the broker is still electing the leaders of a topic that
        // this test's first send auto-created, a first record was seen after the two that followed it.
        UUID ready = QuarkusTransaction.requiringNew().call(() -> outbox.append("Ready", subject, Map.of("n", 0)));
        KafkaTestClient.readUntil(ServiceTestInfra.topic("kit-out"), r -> ready.toString().equals(KafkaTestClient.header(r, "ce_id")));
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.append("First", subject, Map.of("n", 1)),
                outbox.append("Second", subject, Map.of("n", 2)),
                outbox.append("Third", subject, Map.of("n", 3))));
        List<ConsumerRecord<String, String>> seen = KafkaTestClient.readUntil(ServiceTestInfra.topic("kit-out"),
                r -> ids.get(2).toString().equals(KafkaTestClient.header(r, "ce_id")));
        assertEquals(ids.stream().map(UUID::toString).toList(), seen.stream().filter(r -> subject.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, "ce_id")).filter(id -> !id.equals(ready.toString())).toList());
    }
}
