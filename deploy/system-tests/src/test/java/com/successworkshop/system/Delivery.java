package com.successworkshop.system;

import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the system tests under load check once the load has stopped (KafkaFaultIT, ReplicasIT): wait until every
 * outbox is drained, every event id a producer wrote is in the inbox of every consumer that acts on it (its AsyncAPI's
 * receive operations) and every running instance is ready;
 * then assert 0 lost, every effect exactly once, and count the copies of each event on the engagement-events topic
 * (a row sent twice, e.g. by a relay killed between the broker's ack and its commit, must be absorbed by the inboxes).
 * Prints its figures with the caller's tag.
 */
final class Delivery {

    /** Producer → the services that consume its topic. */
    static final Map<Service, List<Service>> CONSUMERS = Map.of(
            Service.ENGAGEMENT, List.of(Service.SSAT, Service.TASK, Service.CATALOG),
            Service.SSAT, List.of(Service.ENGAGEMENT),
            Service.TASK, List.of(Service.ENGAGEMENT),
            Service.CATALOG, List.of(Service.CATALOG));
    /** ce_type prefix of the events on the engagement-events topic (as the consumers' inbox rows record it). */
    private static final String ENGAGEMENT_TYPES = "workshop.engagement.%";
    private static final Pattern MESSAGE_REF = Pattern.compile("messages/(\\w+)'");
    /** actsOn per consumer, read once: settled() asks every 250 ms. */
    private static final Map<Service, Set<String>> ACTS_ON = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The events (names such as EngagementCreated) a consumer acts on: the receive operations of its AsyncAPI document.
     * Only these reach its inbox; the kit skips the others before any transaction (applying them again changes nothing).
     */
    static Set<String> actsOn(Service consumer) {
        return ACTS_ON.computeIfAbsent(consumer, Delivery::receiveOperations);
    }

    private static Set<String> receiveOperations(Service consumer) {
        String module = consumer.module();
        Path doc = Path.of(System.getProperty("project.root", "../..")).resolve(module + "/src/main/asyncapi/" + module + ".yaml");
        Set<String> names = new HashSet<>();
        boolean receiving = false;
        try {
            for (String line : Files.readAllLines(doc)) {
                if (line.matches("^ {0,2}\\S.*")) {
                    receiving = false; // the next operation, or the next top-level section
                }
                receiving |= line.trim().equals("action: receive");
                Matcher m = MESSAGE_REF.matcher(line);
                if (receiving && m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /** The ids of the events {@code producer} wrote that {@code consumer} acts on (and so records in its inbox). */
    Set<UUID> written(Service producer, Service consumer) throws Exception {
        String names = actsOn(consumer).stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        return ids(producer, "select id from outbox_event where split_part(type, '.', 3) in (" + names + ")");
    }

    private final Stack stack;
    private final String bootstrap;
    private final String tag;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String unsettled = "";

    /** bootstrap: the broker the stack's services use (read for the copies on the wire); tag: e.g. "[fault]". */
    Delivery(Stack stack, String bootstrap, String tag) {
        this.stack = stack;
        this.bootstrap = bootstrap;
        this.tag = tag;
    }

    /** What {@link #verify} counted. */
    record Figures(long engagements, int wireRecords, int wireDistinct, long sentMoreThanOnce) {
    }

    /** Waits (at most limit) until everything is delivered and every running instance is ready; returns how long that took. */
    Duration settle(Duration limit) {
        Instant start = Instant.now();
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(this::settled);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not settled " + limit.toSeconds() + " s after the load stopped: " + unsettled, e);
        }
        return Duration.between(start, Instant.now());
    }

    /**
     * Prints and asserts, once settled: every outbox drained and each of its event ids in every consumer's inbox (0 lost);
     * on the engagement-events topic every outbox row at least once, and each consumer's inbox holding exactly one row per
     * distinct event id however many copies were sent; one SSAT matrix, one task 2536, one catalog read model per
     * engagement stored; eligibility in every consumer; every running instance ready.
     */
    Figures verify() throws Exception {
        long engagements = count(Service.ENGAGEMENT, "select count(*) from engagement");
        for (Map.Entry<Service, List<Service>> e : CONSUMERS.entrySet()) {
            assertEquals(0, pending(e.getKey()), e.getKey() + " outbox drained");
            for (Service consumer : e.getValue()) {
                Set<UUID> written = written(e.getKey(), consumer);
                Set<UUID> inbox = ids(consumer, "select event_id from inbox_event");
                Set<UUID> lost = new HashSet<>(written);
                lost.removeAll(inbox);
                System.out.printf("%s    %-10s → %-10s written %6d  delivered %6d  lost %d%n", tag, e.getKey(), consumer, written.size(),
                        written.size() - lost.size(), lost.size());
                assertEquals(Set.of(), lost, e.getKey() + " events lost on the way to " + consumer);
            }
        }

        Map<String, Integer> wire = wireCopies(stack.topic("engagement-events"));
        int records = wire.values().stream().mapToInt(Integer::intValue).sum();
        long resent = wire.values().stream().filter(n -> n > 1).count();
        System.out.printf("%s    engagement-events on the wire: %d records, %d distinct ids, %d sent more than once (absorbed by the inboxes)%n",
                tag, records, wire.size(), resent);
        Set<String> outbox = new HashSet<>();
        ids(Service.ENGAGEMENT, "select id from outbox_event").forEach(id -> outbox.add(id.toString()));
        assertEquals(outbox, wire.keySet(), "every engagement outbox row on the topic, and nothing else");
        for (Service consumer : CONSUMERS.get(Service.ENGAGEMENT)) {
            // The outbox's ids are the wire's (asserted above): those of the events this consumer acts on, one row each.
            int actedOn = written(Service.ENGAGEMENT, consumer).size();
            long rows = count(consumer, "select count(*) from inbox_event where type like '" + ENGAGEMENT_TYPES + "'");
            System.out.printf("%s    %-10s inbox rows for engagement events %d = distinct ids it acts on %d (of %d; records %d)%n",
                    tag, consumer, rows, actedOn, wire.size(), records);
            assertEquals(actedOn, rows, consumer + ": one inbox row per distinct event id it acts on, whatever the copies on the wire");
        }

        long matrices = count(Service.SSAT, "select count(*) from ssat_matrix");
        long ssatRows = count(Service.SSAT, "select count(*) from ssat_service");
        long task2536 = count(Service.TASK, "select count(*) from task_instance where ftop_task_id = 2536");
        long task2536Doubled = count(Service.TASK,
                "select count(*) from (select engagement_id from task_instance where ftop_task_id = 2536 group by engagement_id having count(*) > 1) d");
        long catalogReads = count(Service.CATALOG, "select count(*) from engagement_read");
        System.out.printf("%s    effects per %d engagements: SSAT matrices %d (service rows %d), task 2536 %d (doubled %d), catalog read models %d%n",
                tag, engagements, matrices, ssatRows, task2536, task2536Doubled, catalogReads);
        assertEquals(engagements, matrices, "one SSAT matrix per engagement");
        assertEquals(2 * engagements, ssatRows, "two SSAT services (OD, SPO) per engagement");
        assertEquals(engagements, task2536, "one task 2536 per engagement");
        assertEquals(0, task2536Doubled);
        assertEquals(engagements, catalogReads, "one catalog read model per engagement");
        // Eligibility reached every consumer whatever the order the events arrived in (an outage may reorder a key's events).
        Set<UUID> eligible = ids(Service.ENGAGEMENT, "select engagement_id from eligibility_decision where eligible");
        Set<UUID> catalogEligible = ids(Service.CATALOG, "select engagement_id from engagement_read where eligible");
        Set<UUID> smeTasks = ids(Service.TASK, "select distinct engagement_id from task_instance where kind = 'ADOPTION_SME' and retired_at is null");
        long withoutNextStep = count(Service.TASK, "select count(*) from engagement_ref r where not exists (select 1 from task_instance t "
                + "where t.engagement_id = r.engagement_id and t.kind in ('ADOPTION_SME', 'CHECK_IN') and t.retired_at is null)");
        long catalogUnnamed = count(Service.CATALOG, "select count(*) from engagement_read where customer_name is null or eligible is null");
        System.out.printf("%s    eligible %d: catalog %d, adoption-SME tasks %d; engagements without a next-step task %d; catalog read models missing an event %d%n",
                tag, eligible.size(), catalogEligible.size(), smeTasks.size(), withoutNextStep, catalogUnnamed);
        assertEquals(eligible, catalogEligible, "catalog knows exactly the eligible engagements");
        assertEquals(eligible, smeTasks, "one adoption-SME task for exactly the eligible engagements");
        assertEquals(0, withoutNextStep);
        assertEquals(0, catalogUnnamed);
        for (Map.Entry<String, String> instance : stack.runningUrls().entrySet()) {
            assertEquals(200, readiness(instance.getValue()), instance.getKey() + " ready");
        }
        return new Figures(engagements, records, wire.size(), resent);
    }

    /** Every outbox drained, every outbox id in every consumer's inbox, every running instance ready. */
    private boolean settled() throws Exception {
        for (Map.Entry<Service, List<Service>> e : CONSUMERS.entrySet()) {
            long pending = pending(e.getKey());
            if (pending > 0) {
                unsettled = e.getKey() + " outbox still holds " + pending;
                return false;
            }
            for (Service consumer : e.getValue()) {
                Set<UUID> missing = new HashSet<>(written(e.getKey(), consumer));
                missing.removeAll(ids(consumer, "select event_id from inbox_event"));
                if (!missing.isEmpty()) {
                    unsettled = missing.size() + " of " + e.getKey() + "'s events not yet in " + consumer + "'s inbox";
                    return false;
                }
            }
        }
        for (Map.Entry<String, String> instance : stack.runningUrls().entrySet()) {
            int status = readiness(instance.getValue());
            if (status != 200) {
                unsettled = instance.getKey() + " readiness " + status;
                return false;
            }
        }
        return true;
    }

    int readiness(String baseUrl) {
        try {
            return probe.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    long pending(Service s) throws Exception {
        return count(s, "select count(*) from outbox_event where sent_at is null");
    }

    long count(Service s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Set<UUID> ids(Service s, String sql) throws Exception {
        Set<UUID> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    /** How many records carry each ce_id on a topic, read from the beginning to the current end (bounded). */
    Map<String, Integer> wireCopies(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> copies = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Instant deadline = Instant.now().plusSeconds(30);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    Header id = r.headers().lastHeader("ce_id");
                    copies.merge(id == null ? "(none)" : new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        return copies;
    }
}
