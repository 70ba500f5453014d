package com.successworkshop.engagement.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL and the real broker, isolated per run: a fresh database, topics and consumer group
 * whose names carry a run id, so that parallel runs and a running stack never see each other's data.
 */
public class TestInfra implements QuarkusTestResourceLifecycleManager {

    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final String PG_HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PG_PORT = System.getenv().getOrDefault("PGPORT", "5432");
    private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");

    private String database;

    public static String topic(String name) {
        return name + "-" + RUN;
    }

    @Override
    public Map<String, String> start() {
        database = "engagement_test_" + RUN + "_" + STARTS.incrementAndGet();
        admin("create database " + database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database);
        config.put("quarkus.datasource.username", PG_USER);
        config.put("mp.messaging.outgoing.outbox.topic", topic("engagement-events"));
        config.put("mp.messaging.incoming.ssat-events.topic", topic("ssat-events"));
        config.put("mp.messaging.incoming.task-events.topic", topic("task-events"));
        config.put("mp.messaging.incoming.ssat-events.dead-letter-queue.topic", topic("ssat-events-dlq"));
        config.put("mp.messaging.incoming.task-events.dead-letter-queue.topic", topic("task-events-dlq"));
        config.put("mp.messaging.incoming.ssat-events.group.id", "engagement-test-" + RUN + "-" + STARTS.get());
        config.put("mp.messaging.incoming.task-events.group.id", "engagement-test-" + RUN + "-" + STARTS.get());
        return config;
    }

    @Override
    public void stop() {
        admin("drop database if exists " + database + " with (force)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", PG_USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + ":" + PG_PORT + " is needed for the tests (deploy/test.sh starts it): " + e.getMessage(), e);
        }
    }
}
