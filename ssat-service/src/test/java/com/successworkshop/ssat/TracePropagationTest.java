package com.successworkshop.ssat;

import com.successworkshop.ssat.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The trace that came with an event goes on with the events this service publishes because of it. */
@QuarkusTest
class TracePropagationTest {

    @Test
    void readinessPublishedForAnEngagementCarriesTheTraceOfItsEngagementCreated() throws Exception {
        UUID engagementId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "engagementId", engagementId.toString(), "partnerId", "partner-trace", "customerName", "Traced Co",
                "fastTrackManager", "fm@p", "licenceCount", 10, "enterprise", false, "enrolledInAdoptionBenefit", false,
                "intendedServices", java.util.List.of("OD")));
        KafkaTestClient.send(Events.engagementTopic(), engagementId.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "workshop.engagement.EngagementCreated.v1",
                "ce_source", "/engagement-service", "ce_subject", engagementId.toString(), "ce_time", Instant.now().toString(),
                "content-type", "application/json", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"), json);

        ConsumerRecord<String, String> readiness = Events.awaitSsatEvent(engagementId, Events.of(engagementId, "SsatReadinessChanged")).get(0);
        String traceparent = KafkaTestClient.header(readiness, "traceparent");
        assertNotNull(traceparent, "published with a traceparent header");
        assertEquals(traceId, traceparent.split("-")[1], "the trace continues from engagement-service through ssat-service");
    }
}
