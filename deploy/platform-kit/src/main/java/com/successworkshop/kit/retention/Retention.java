package com.successworkshop.kit.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes what the platform keeps for itself once it is past its horizon: sent outbox rows, inbox ids, idempotency
 * records, parked events whose engagement never came. Small batches, each its own transaction, rows claimed with
 * SKIP LOCKED: several replicas can run it at once without waiting on each other or deleting twice.
 * The horizons keep redelivery safe: an inbox id must outlive any redelivery of its event (Kafka's retention).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** table → the timestamp column whose age counts, and the filter of rows that may go at all. */
    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("outbox_event", new String[]{"sent_at", "sent_at is not null"});
        TABLES.put("inbox_event", new String[]{"processed_at", "true"});
        TABLES.put("idempotency_record", new String[]{"created_at", "true"});
        TABLES.put("parked_event", new String[]{"parked_at", "true"});
    }

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "workshop.retention.outbox", defaultValue = "P3D")
    Duration outbox;
    @ConfigProperty(name = "workshop.retention.inbox", defaultValue = "P7D")
    Duration inbox;
    @ConfigProperty(name = "workshop.retention.idempotency", defaultValue = "PT24H")
    Duration idempotency;
    @ConfigProperty(name = "workshop.retention.parked", defaultValue = "P30D")
    Duration parkedEvents;
    @ConfigProperty(name = "workshop.retention.batch-size", defaultValue = "1000")
    int batchSize;

    void metrics(@Observes StartupEvent ev) {
        for (String table : TABLES.keySet()) {
            // Planner estimate, not count(*): a scrape must stay cheap on a large table.
            Gauge.builder("workshop.platform.rows", this, r -> r.estimatedRows(table)).tag("table", table)
                    .description("Rows the platform keeps for itself (estimate), by table").register(registry);
        }
    }

    @Scheduled(every = "${workshop.retention.every:10m}", delayed = "${workshop.retention.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes everything past its horizon, batch by batch; returns the rows deleted per table. */
    public Map<String, Long> purge() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("outbox_event", purge("outbox_event", outbox));
        deleted.put("inbox_event", purge("inbox_event", inbox));
        deleted.put("idempotency_record", purge("idempotency_record", idempotency));
        deleted.put("parked_event", purge("parked_event", parkedEvents));
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention deleted %s", deleted);
        }
        return deleted;
    }

    long purge(String table, Duration horizon) {
        String[] spec = TABLES.get(table);
        String sql = "delete from " + table + " where ctid in (select ctid from " + table + " where " + spec[1] + " and " + spec[0]
                + " < now() - make_interval(secs => :secs) limit :n for update skip locked)";
        long total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter("secs", (double) horizon.toSeconds()).setParameter("n", batchSize).executeUpdate());
            total += n;
        } while (n == batchSize);
        if (total > 0) {
            registry.counter("workshop.retention.deleted", "table", table).increment(total);
        }
        return total;
    }

    double estimatedRows(String table) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select greatest(reltuples, 0) from pg_class where relname = :t").setParameter("t", table).getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
