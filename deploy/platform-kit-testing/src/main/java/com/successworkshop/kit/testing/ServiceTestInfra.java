package com.successworkshop.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL and the real broker, isolated per run: a fresh database, topics and consumer group whose names carry
 * a run id, so that parallel runs and a running stack never see each other's data. A service's TestInfra names its
 * database prefix, the topic its outbox writes and the topics its consumers read.
 */
public abstract class ServiceTestInfra implements QuarkusTestResourceLifecycleManager {

    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final String PG_HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PG_PORT = System.getenv().getOrDefault("PGPORT", "5432");
    private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");

    private final String service;
    private final String outboxTopic;
    private final Map<String, String> incoming;
    private String database;

    /** @param incoming consumer name (workshop.consumer.&lt;name&gt;) → topic name before the run suffix; its dead-letter topic is topic-dlq */
    protected ServiceTestInfra(String service, String outboxTopic, Map<String, String> incoming) {
        this.service = service;
        this.outboxTopic = outboxTopic;
        this.incoming = new LinkedHashMap<>(incoming);
    }

    public static String topic(String name) {
        return name + "-" + RUN;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    @Override
    public Map<String, String> start() {
        int start = STARTS.incrementAndGet();
        database = service + "_test_" + RUN + "_" + start;
        admin("create database " + database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", PG_USER);
        if (outboxTopic != null) {
            config.put("mp.messaging.outgoing.outbox.topic", topic(outboxTopic));
        }
        String group = service + "-test-" + RUN + "-" + start;
        incoming.forEach((consumer, topicName) -> {
            config.put("workshop.consumer." + consumer + ".topic", topic(topicName));
            config.put("workshop.consumer." + consumer + ".dead-letter-topic", topic(topicName + "-dlq"));
        });
        if (!incoming.isEmpty()) {
            config.put("mp.messaging.incoming.events-in.group.id", group);
        }
        return config;
    }

    @Override
    public void stop() {
        admin("drop database if exists " + database + " with (force)");
    }

    public static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), PG_USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + ":" + PG_PORT + " is needed for the tests (deploy/test.sh starts it): " + e.getMessage(), e);
        }
    }
}
