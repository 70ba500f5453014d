package com.successworkshop.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.context.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends committed outbox rows to Kafka as CloudEvents (binary mode) and marks them sent.
 * Woken right after each commit; polls as a fallback so that events written while Kafka was down leave once it is back.
 * Several replicas can run it side by side: one of them at a time sends (a PostgreSQL advisory lock held for the batch's
 * transaction), so the rows leave in the order they were written, and a subject's events reach its partition in that
 * order. Without it, claiming with SKIP LOCKED alone, a replica whose send was held up (its link to the broker cut, a
 * pause) kept an earlier row locked while another replica sent a later row of the same engagement: the consumers then
 * applied the older change last.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel every service configures with its topic: mp.messaging.outgoing.outbox.topic. */
    public static final String CHANNEL = "outbox";
    private static final byte[] JSON = "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] SPEC_VERSION = "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    /** The advisory lock of the relay: one per database, so one per service whatever the number of its replicas. */
    static final long RELAY_LOCK = 0x6f7574626f78L;
    /** What {@link #relayBatch()} returns when another replica's relay holds the lock. */
    static final int BUSY = -1;
    /** How soon to try again when another replica was sending (so that a row this replica committed does not wait a whole poll). */
    private static final Duration BUSY_RETRY = Duration.ofMillis(100);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Inject
    KafkaClientService clients;

    /** Unused for sending: it gives the connector's channel an upstream, so that it builds the producer used below. */
    @Inject
    @Channel(OutboxRelay.CHANNEL)
    Emitter<String> channel;

    @ConfigProperty(name = "mp.messaging.outgoing.outbox.topic")
    String topic;

    @ConfigProperty(name = "workshop.outbox.poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "workshop.outbox.batch-size")
    int batchSize;

    @ConfigProperty(name = "workshop.outbox.unreachable-after", defaultValue = "3s")
    Duration unreachableAfter;

    private volatile Producer<String, String> producer;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    /** When the batch now waiting for the broker's acks was sent; null while none waits. */
    private volatile Instant sendingSince;
    private final AtomicReference<KafkaState> kafka = new AtomicReference<>(new KafkaState(false, null, "not contacted yet"));

    /** What the health check reports about the broker, as the relay last saw it. */
    public record KafkaState(boolean reachable, Instant lastSentAt, String lastError) {
    }

    void start(@Observes StartupEvent ev) {
        Gauge.builder("outbox.pending", this, r -> r.pendingCount()).description("Outbox events not yet sent to Kafka").register(registry);
        Gauge.builder("outbox.oldest.pending.age.seconds", this, r -> r.oldestPendingAgeSeconds())
                .description("Age of the oldest unsent outbox event").register(registry);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(ACK_TIMEOUT.toMillis());
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxAppended appended) {
        wake.release();
    }

    /**
     * The broker as the relay sees it now: a send that has waited longer than {@code workshop.outbox.unreachable-after}
     * for its acknowledgement counts as unreachable, even though the last completed send succeeded.
     */
    public KafkaState kafkaState() {
        KafkaState last = kafka.get();
        Instant since = sendingSince;
        if (last.reachable() && since != null && Duration.between(since, Instant.now()).compareTo(unreachableAfter) > 0) {
            return new KafkaState(false, last.lastSentAt(), "no acknowledgement from the broker since " + since);
        }
        return last;
    }

    public long pendingCount() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outbox_event where sent_at is null").getSingleResult()).longValue());
    }

    public double oldestPendingAgeSeconds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object oldest = em.createNativeQuery("select extract(epoch from (now() - min(occurred_at))) from outbox_event where sent_at is null")
                    .getSingleResult();
            return oldest == null ? 0.0 : ((Number) oldest).doubleValue();
        });
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int sent;
                do {
                    sent = relayBatch();
                } while (running && sent == batchSize);
                backoff = sent == BUSY && BUSY_RETRY.compareTo(pollInterval) < 0 ? BUSY_RETRY : pollInterval;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                kafka.set(new KafkaState(false, kafka.get().lastSentAt(), String.valueOf(e.getMessage())));
                LOG.warnf("Outbox relay could not send (events stay in the outbox): %s", e.getMessage());
                backoff = Duration.ofMillis(Math.min(backoff.toMillis() * 2, 10_000));
            }
        }
    }

    /**
     * Sends one batch in one transaction; returns how many were sent, or {@link #BUSY} when another replica is sending.
     * The rows are read read-only and marked sent by one statement: as managed entities each was snapshotted, dirty-checked
     * and written back whole (its JSON payload parsed again by PostgreSQL) only to set sent_at.
     */
    int relayBatch() {
        Map<UUID, String> failed = new LinkedHashMap<>();
        try {
            return QuarkusTransaction.requiringNew().timeout(60).call(() -> sendBatch(failed));
        } catch (RuntimeException e) {
            if (!failed.isEmpty()) {
                // The batch's transaction rolled back (its rows go again, in order); what failed is kept for ops to see.
                try {
                    QuarkusTransaction.requiringNew().run(() -> failed.forEach((id, error) -> em.createNativeQuery(
                                    "update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
                            .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error).setParameter("id", id).executeUpdate()));
                } catch (RuntimeException notRecorded) {
                    LOG.debugf("Could not record the failed attempts: %s", notRecorded.getMessage());
                }
            }
            throw e;
        }
    }

    private int sendBatch(Map<UUID, String> failed) {
        if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)").setParameter("lock", RELAY_LOCK).getSingleResult()) {
            return BUSY;
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                        "select * from outbox_event where sent_at is null order by seq limit :n for update skip locked", OutboxEvent.class)
                .setParameter("n", batchSize)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        sendingSince = Instant.now();
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        AtomicBoolean broken = new AtomicBoolean();
        try {
            for (OutboxEvent e : batch) {
                // After a failed send the rest of the batch waits for the next attempt (it is sent again, in order).
                if (broken.get() || System.nanoTime() > deadline) {
                    break;
                }
                acks.add(send(e, broken));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception waited) {
            // Each ack is examined below; this wait only bounds the time the batch may take.
        } finally {
            sendingSince = null;
        }
        List<UUID> sent = new ArrayList<>(batch.size());
        String error = null;
        // Rows the batch did not get to stay unsent, with no attempt counted; they leave with the next batch, in order.
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(0, TimeUnit.MILLISECONDS); // already waited for above
                sent.add(batch.get(i).id);
            } catch (Exception ex) {
                String why = ex.getCause() != null ? ex.getCause().toString() : ex.toString();
                error = error == null ? why : error;
                failed.put(batch.get(i).id, why);
            }
        }
        if (error != null) {
            kafka.set(new KafkaState(false, kafka.get().lastSentAt(), error));
            throw new IllegalStateException(error);
        }
        Instant now = Instant.now();
        em.createNativeQuery("update outbox_event set sent_at = :now where id in (:ids)").setParameter("now", now).setParameter("ids", sent).executeUpdate();
        kafka.set(new KafkaState(true, now, null));
        return sent.size();
    }

    /**
     * The channel's own producer (its config, metrics and lifecycle), called directly: the emitter's per-message stream
     * and its hop to the connector's sending thread cost task-service ~10 µs of CPU per event in a catch-up (bench README).
     * Looked up once (a catch-up profile found the lookup per event in 5 % of the relay's samples).
     */
    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            p = producer = clients.<String, String>getProducer(CHANNEL).unwrap();
        }
        return p;
    }

    private CompletableFuture<Void> send(OutboxEvent e, AtomicBoolean broken) {
        // Binary-mode CloudEvent: the ce_* headers and the data's content type in the Kafka binding's content-type header
        // alone, as the AsyncAPI documents it.
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", utf8(e.id.toString()));
        headers.add("ce_type", utf8(e.type));
        headers.add("ce_source", utf8(e.source));
        headers.add("ce_subject", utf8(e.subject));
        headers.add("ce_time", utf8(ISO_OFFSET_DATE_TIME.format(e.occurredAt.atOffset(ZoneOffset.UTC))));
        headers.add("content-type", JSON);
        // The send span becomes a child of the request that wrote the event, and the consumers' spans children of it.
        Context parent = e.traceParent == null ? Context.root() : parent(e.traceParent);
        Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic).startSpan();
        W3CTraceContextPropagator.getInstance().inject(parent.with(span), headers, (h, k, v) -> h.add(k, utf8(v)));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer().send(new ProducerRecord<>(topic, null, e.subject, e.payload, headers), (metadata, failure) -> {
                if (failure != null) {
                    broken.set(true);
                    span.recordException(failure);
                    ack.completeExceptionally(failure);
                } else {
                    ack.complete(null);
                }
                span.end();
            });
        } catch (RuntimeException failure) {
            broken.set(true);
            span.recordException(failure);
            span.end();
            ack.completeExceptionally(failure);
        }
        return ack;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    /** The stored W3C traceparent as the parent context of the send span. */
    static Context parent(String traceParent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, TRACEPARENT);
    }
}
