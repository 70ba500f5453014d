package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.persistence.PartnerScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Applies one polled batch of CloudEvents in one transaction: inbox rows and effects are written together, records in
 * the order they were polled (so one engagement's events stay in order). When the batch fails because of one record,
 * the records are applied again one transaction each, so that only the poison record goes to the dead-letter topic
 * (through the connector's failure strategy, with its reason). A database outage is retried, never dead-lettered.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header h = carrier == null ? null : carrier.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    ParkedEvents parked;
    @Inject
    Tracer tracer;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    NewEngagements newEngagements;

    @ConfigProperty(name = "workshop.consumer.retry-for", defaultValue = "PT5M")
    Duration retryFor;

    @ConfigProperty(name = "workshop.consumer.flush-every", defaultValue = "50")
    int flushEvery;

    /** Where a topic's records go: the consumer that applies them and the dead-letter topic for the poison ones. */
    public record Route(EventHandler handler, String deadLetterTopic) {
    }

    /**
     * Applies the batch (records of one or more topics, each routed by {@code routes}) and acknowledges it; poison
     * records are nacked one by one before that, each to its own topic's dead-letter topic.
     */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Function<String, Route> routes) {
        // An event this consumer does not act on needs no transaction and no inbox row: applying it again changes nothing.
        List<KafkaRecord<String, String>> records = batch.getRecords().stream().filter(r -> !notActedOn(r, routes)).toList();
        if (records.isEmpty()) {
            return batch.ack();
        }
        String topics = records.stream().map(KafkaRecord::getTopic).distinct().collect(Collectors.joining(","));
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        try {
            retryingWhileDatabaseUnavailable(topics, () -> QuarkusTransaction.requiringNew().run(() -> applyAll(records, routes)));
            registry.counter("workshop.events.batches", "topic", topics).increment();
        } catch (RuntimeException batchFailure) {
            if (DatabaseErrors.unavailable(batchFailure)) {
                throw batchFailure;
            }
            LOG.infof("A batch of %d record(s) of %s failed (%s); applying them one by one to find the poison record",
                    records.size(), topics, batchFailure.getMessage());
            for (KafkaRecord<String, String> r : records) {
                try {
                    retryingWhileDatabaseUnavailable(r.getTopic(), () -> QuarkusTransaction.requiringNew().run(() -> applyAll(List.of(r), routes)));
                } catch (RuntimeException e) {
                    if (DatabaseErrors.unavailable(e)) {
                        throw e;
                    }
                    String deadLetterTopic = routes.apply(r.getTopic()).deadLetterTopic();
                    LOG.warnf("Record %s-%d of %s goes to %s: %s", r.getTopic(), r.getPartition(), r.getKey(), deadLetterTopic, e.getMessage());
                    registry.counter("workshop.events.dead-lettered", "topic", r.getTopic()).increment();
                    // The connector's dead-letter strategy sends it, to the topic this metadata names.
                    Metadata target = Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(deadLetterTopic).build());
                    deadLettered.add(r.nack(e, target).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(x -> batch.ack());
    }

    /**
     * One transaction's worth of records: their inbox rows in one statement, the parked events of their engagements
     * looked up in one, then each new event applied in order; the persistence context is flushed and cleared every
     * {@code workshop.consumer.flush-every} events, so that a large batch costs no more per event than a small one.
     */
    private void applyAll(List<KafkaRecord<String, String>> records, Function<String, Route> routes) {
        PartnerScope.off(em);
        List<IncomingEvent> events = new ArrayList<>(records.size());
        // Parked events can only be waiting for an opening event (EngagementCreated) of this batch: a batch without one
        // does not look (most batches at a steady rate are one event that is not an opening one).
        Set<UUID> opened = new HashSet<>();
        for (KafkaRecord<String, String> r : records) {
            IncomingEvent event = IncomingEvent.from(r.getHeaders(), r.getPayload(), mapper);
            events.add(event);
            EventHandler.EngagementOrder order = routes.apply(r.getTopic()).handler().engagementOrder();
            if (order != null && event.type().equals(order.openingType())) {
                opened.add(event.engagementId());
            }
        }
        Set<UUID> fresh = inbox.firstDeliveries(events);
        Set<UUID> waiting = parked.waiting(opened);
        findNewEngagements(records, events, fresh, routes);
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            String topic = records.get(i).getTopic();
            if (!fresh.remove(event.id())) {
                LOG.debugf("Duplicate event %s ignored", event.id());
                registry.counter("workshop.events.duplicates", "topic", topic).increment();
                continue;
            }
            Span span = tracer.spanBuilder("process " + topic).setSpanKind(SpanKind.CONSUMER)
                    .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), records.get(i).getHeaders(), HEADERS)).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                dispatch(event, routes.apply(topic).handler(), topic, waiting);
            } catch (RuntimeException e) {
                span.recordException(e);
                throw e;
            } finally {
                span.end();
            }
            if (++applied % flushEvery == 0) {
                // Otherwise every later statement of the batch would dirty-check all entities loaded so far.
                em.flush();
                em.clear();
            }
        }
    }

    /** Per engagement order, one statement: which engagements of the batch's first deliveries are not held here yet. */
    private void findNewEngagements(List<KafkaRecord<String, String>> records, List<IncomingEvent> events, Set<UUID> fresh,
                                    Function<String, Route> routes) {
        Map<EventHandler.EngagementOrder, Set<UUID>> byOrder = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventHandler.EngagementOrder order = routes.apply(records.get(i).getTopic()).handler().engagementOrder();
            if (order != null && fresh.contains(events.get(i).id())) {
                try {
                    byOrder.computeIfAbsent(order, o -> new HashSet<>()).add(events.get(i).engagementId());
                } catch (IncomingEvent.PoisonMessageException e) {
                    // Found poison when it is applied, on its own.
                }
            }
        }
        byOrder.forEach((order, ids) -> {
            Set<UUID> absent = new HashSet<>(ids);
            absent.removeAll(held(order, ids));
            newEngagements.addAll(absent);
        });
    }

    /**
     * Which of these engagements the order's table holds, in one statement probing its primary key once per id (an IN
     * list of hundreds of parameters made PostgreSQL scan a young, fast-growing table during a catch-up).
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> held(EventHandler.EngagementOrder order, Set<UUID> ids) {
        String joined = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        List<UUID> found = em.createNativeQuery("select t." + order.idColumn() + " from unnest(cast(string_to_array(:ids, ',') as uuid[])) as i(id)"
                        + " join " + order.table() + " t on t." + order.idColumn() + " = i.id")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace(order.table())
                .setParameter("ids", joined).getResultList();
        return new HashSet<>(found);
    }

    /** A record whose type (ce_type) its consumer does not handle; one without a type goes on, to be found poison. */
    private boolean notActedOn(KafkaRecord<String, String> r, Function<String, Route> routes) {
        Header type = r.getHeaders() == null ? null : r.getHeaders().lastHeader("ce_type");
        if (type == null || type.value() == null) {
            return false;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        if (routes.apply(r.getTopic()).handler().handles().contains(name)) {
            return false;
        }
        LOG.debugf("A %s record on %s is not one this consumer acts on; skipped", name, r.getTopic());
        registry.counter("workshop.events.skipped", "topic", r.getTopic(), "type", name).increment();
        return true;
    }

    private void dispatch(IncomingEvent event, EventHandler handler, String topic, Set<UUID> waiting) {
        if (!handler.handles().contains(event.type())) {
            // An event this consumer has no use for, or a type/version it does not know (a newer producer): never poison.
            LOG.debugf("Event %s of type %s is not one this consumer acts on; skipped", event.id(), event.type());
            registry.counter("workshop.events.skipped", "topic", topic, "type", event.type()).increment();
            return;
        }
        EventHandler.EngagementOrder order = handler.engagementOrder();
        if (order == null) {
            handler.apply(event);
            return;
        }
        UUID engagementId = event.engagementId();
        boolean opening = event.type().equals(order.openingType());
        if (!opening && newEngagements.contains(engagementId)) {
            parked.park(event, engagementId);
            waiting.add(engagementId);
            registry.counter("workshop.events.parked", "topic", topic).increment();
            return;
        }
        handler.apply(event);
        if (opening) {
            newEngagements.opened(engagementId);
        }
        if (opening && waiting.remove(engagementId)) {
            for (IncomingEvent parkedEvent : parked.release(engagementId)) {
                LOG.infof("Applying parked %s %s to engagement %s", parkedEvent.name(), parkedEvent.id(), engagementId);
                dispatch(parkedEvent, handler, topic, waiting);
            }
        }
    }

    private void retryingWhileDatabaseUnavailable(String topic, Runnable work) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMillis = 200;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseErrors.unavailable(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Database unavailable while applying events of %s; retrying in %d ms: %s", topic, backoffMillis, e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** Distinct values of an enum that an event names, with the unknown ones reported and left out, never poison. */
    public <E extends Enum<E>> List<E> known(Class<E> type, Iterable<String> values, IncomingEvent event, String field) {
        Map<E, Boolean> out = new LinkedHashMap<>();
        for (String v : values) {
            try {
                out.put(Enum.valueOf(type, v), Boolean.TRUE);
            } catch (IllegalArgumentException | NullPointerException e) {
                LOG.warnf("Event %s (%s) names %s '%s', unknown here; the rest of the event applies", event.id(), event.type(), field, v);
                registry.counter("workshop.events.unknown-values", "type", event.type(), "field", field).increment();
            }
        }
        return new ArrayList<>(out.keySet());
    }

}
