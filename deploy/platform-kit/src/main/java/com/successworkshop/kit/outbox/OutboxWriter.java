package com.successworkshop.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/** Appends an event to the outbox inside the caller's transaction: the write and its event commit together or not at all. */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @ConfigProperty(name = "workshop.events.source")
    String source;

    /** e.g. "workshop.engagement.": the event's ce_type is this, its name and the contract version. */
    @ConfigProperty(name = "workshop.events.type-prefix")
    String typePrefix;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String eventName, String subject, Object data) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.subject = subject;
        e.type = typePrefix + eventName + ".v1";
        e.source = source;
        e.occurredAt = Instant.now();
        try {
            e.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Event data of " + eventName + " is not serialisable", ex);
        }
        e.traceParent = traceParent();
        em.persist(e);
        // Once per transaction: a woken relay sends every committed row, and each fire registered one more transaction
        // synchronisation (a consumer's batch appends hundreds of events in one transaction).
        if (transaction.getResource(OutboxAppended.class) == null) {
            transaction.putResource(OutboxAppended.class, e.id);
            appended.fire(new OutboxAppended(e.id));
        }
        return e.id;
    }

    private static String traceParent() {
        java.util.Map<String, String> carrier = new java.util.HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, java.util.Map::put);
        return carrier.get("traceparent");
    }

    /** Fired inside the transaction at its first append; the relay observes it only once the transaction has committed. */
    public record OutboxAppended(UUID firstEventId) {
    }
}
