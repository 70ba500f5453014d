package com.successworkshop.kit.outbox;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Kafka and the outbox backlog without failing readiness: while Kafka is down the outbox holds
 * the events, so the service can still take writes. The database check (Agroal) is what gates readiness.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.KafkaState kafka = relay.kafkaState();
        var builder = HealthCheckResponse.named("kafka-outbox").up()
                .withData("kafkaReachable", kafka.reachable())
                .withData("lastSentAt", String.valueOf(kafka.lastSentAt()))
                .withData("lastError", String.valueOf(kafka.lastError()));
        try {
            builder.withData("outboxPending", relay.pendingCount());
            builder.withData("oldestPendingAgeSeconds", Math.round(relay.oldestPendingAgeSeconds()));
        } catch (RuntimeException e) {
            builder.withData("outboxPending", "unknown: " + e.getMessage());
        }
        return builder.build();
    }
}
