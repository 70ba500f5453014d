package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.TimelineEntry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every committed timeline entry of this service's database, in id order, on every replica: PostgreSQL NOTIFY (sent by
 * {@link TimelineRepository#record} on commit) wakes one listening connection per JVM, which reads the table after the
 * last id it saw. The table, not the notification, is the source, so a lost wake-up only delays an entry (the feed also
 * reads on a timer), and entries commit in id order (TimelineRepository serialises the inserts), so none is skipped.
 */
@ApplicationScoped
public class TimelineFeed {

    static final String CHANNEL = "engagement_timeline";
    private static final Logger LOG = Logger.getLogger(TimelineFeed.class);
    private static final int BATCH = 1_000;

    /** An entry and the partner that owns its engagement (streams filter on it). */
    public record Committed(String partnerId, TimelineEntry entry) {
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "workshop.live-updates.poll-interval-ms", defaultValue = "2000")
    int pollMillis;

    private final BroadcastProcessor<List<Committed>> batches = BroadcastProcessor.create();
    private volatile long position = -1;
    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent ev) {
        running = true;
        listener = Thread.ofPlatform().daemon().name("timeline-feed").start(this::listen);
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Batches of entries committed after the moment of subscription, oldest first. */
    public Multi<List<Committed>> batches() {
        return batches.toHotStream();
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (position < 0) {
                    position = lastId(c);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    read(c);
                    pg.getNotifications(pollMillis);
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Live timeline feed lost its connection (%s); reconnecting", e.getMessage());
                    sleep(1_000);
                }
            } catch (RuntimeException e) {
                LOG.error("Live timeline feed failed; restarting", e);
                sleep(1_000);
            }
        }
    }

    private void read(Connection c) throws SQLException {
        List<Committed> found;
        do {
            found = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select t.id, t.engagement_id, e.partner_id, t.at, t.actor, t.kind, t.summary, t.event_id
                    from timeline_entry t join engagement e on e.id = t.engagement_id
                    where t.id > ? order by t.id limit ?""")) {
                q.setLong(1, position);
                q.setInt(2, BATCH);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        TimelineEntry t = new TimelineEntry();
                        t.id = rs.getLong(1);
                        t.engagementId = rs.getObject(2, UUID.class);
                        t.at = rs.getTimestamp(4).toInstant();
                        t.actor = rs.getString(5);
                        t.kind = rs.getString(6);
                        t.summary = rs.getString(7);
                        t.eventId = rs.getObject(8, UUID.class);
                        found.add(new Committed(rs.getString(3), t));
                    }
                }
            }
            if (!found.isEmpty()) {
                position = found.get(found.size() - 1).entry().id;
                batches.onNext(List.copyOf(found));
            }
        } while (found.size() == BATCH);
    }

    private static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from timeline_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
