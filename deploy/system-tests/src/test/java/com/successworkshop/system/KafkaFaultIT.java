package com.successworkshop.system;

import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import com.successworkshop.harness.fault.KafkaBroker;
import com.successworkshop.harness.fault.TcpProxy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults under a steady load of engagement writes, against the four packaged services on a PRIVATE Kafka broker
 * started here (the shared broker is never stopped). After each fault: every event id in each producer's outbox
 * reached every consumer's inbox exactly once, no effect happened twice, every outbox is drained and every service is
 * ready again. Prints the counts.
 *
 * <p>CI profile: 8 s broker outage, 3 s without task-service and 8 s proxy cut, at 5 writes/s (each write is an
 * engagement with two services: 2 events to 3 consumers, and the tasks and SSAT events they cause in turn).
 * {@code -Dfault.long=true}: 20 s outage and cut, 10 s without task-service, 20 writes/s. {@code -Dfault.rate=N}
 * changes the write rate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaFaultIT {

    private static final boolean LONG = Boolean.getBoolean("fault.long");
    private static final int RATE = Integer.getInteger("fault.rate", LONG ? 20 : 5);
    private static final int OUTAGE_SECONDS = LONG ? 20 : 8;
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(LONG ? 240 : 120);
    private static final String PARTNER = "partner-fault-test";
    /** Which service reaches the broker through the cuttable proxy: the producer under load. */
    private static final Service PROXIED = Service.ENGAGEMENT;
    /** Producer → the services that consume its topic. */
    private static final Map<Service, List<Service>> CONSUMERS = Map.of(
            Service.ENGAGEMENT, List.of(Service.SSAT, Service.TASK, Service.CATALOG),
            Service.SSAT, List.of(Service.ENGAGEMENT),
            Service.TASK, List.of(Service.ENGAGEMENT),
            Service.CATALOG, List.of(Service.CATALOG));

    private static TcpProxy proxy;
    private static KafkaBroker broker;
    private static Stack stack;
    private static Http http;
    private static final AtomicInteger customer = new AtomicInteger();
    private static final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        proxy = TcpProxy.bind();
        broker = KafkaBroker.start(proxy.port());
        proxy.forwardTo(broker.proxiedTarget());
        stack = Stack.start(EnumSet.allOf(Service.class), Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap()),
                Map.of(PROXIED, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + proxy.port())));
        http = new Http(stack.token(PARTNER, "fasttrack-manager"));
        System.out.printf("[fault] private broker %s (%s through proxy :%d); %d writes/s; outage %d s%s%n", broker.bootstrap(),
                PROXIED, proxy.port(), RATE, OUTAGE_SECONDS, LONG ? " (long profile)" : " (CI profile; -Dfault.long=true for 20 s)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void brokerStoppedAndStartedAgainUnderLoad() throws Exception {
        try (Load load = load()) {
            awaitWrites(load, RATE);
            broker.stopBroker();
            Instant down = Instant.now();
            awaitWrites(load, RATE * OUTAGE_SECONDS);
            long backlog = pending(Service.ENGAGEMENT);
            broker.startBroker();
            System.out.printf("[fault] broker down %d ms; engagement outbox backlog at restart: %d%n",
                    Duration.between(down, Instant.now()).toMillis(), backlog);
            assertTrue(backlog > 0, "writes made while the broker was down wait in the outbox");
            awaitWrites(load, RATE * 2);
            finish(load, "broker stopped " + OUTAGE_SECONDS + " s");
        }
    }

    @Test
    @Order(2)
    void consumerKilledWithSigkillAndRestartedUnderLoad() throws Exception {
        try (Load load = load()) {
            awaitWrites(load, RATE);
            stack.kill(Service.TASK);
            Instant killed = Instant.now();
            awaitWrites(load, RATE * (LONG ? 10 : 3));
            stack.restart(Service.TASK);
            System.out.printf("[fault] task-service killed (SIGKILL) and ready again after %d ms%n",
                    Duration.between(killed, Instant.now()).toMillis());
            awaitWrites(load, RATE * 2);
            finish(load, "task-service kill -9 + restart");
        }
    }

    @Test
    @Order(3)
    void producerCutOffTheBrokerByTheProxyUnderLoad() throws Exception {
        try (Load load = load()) {
            awaitWrites(load, RATE);
            long refusedBefore = proxy.refused();
            proxy.cut();
            Instant cut = Instant.now();
            awaitWrites(load, RATE * OUTAGE_SECONDS);
            long backlog = pending(PROXIED);
            assertReady(PROXIED);
            proxy.restore();
            System.out.printf("[fault] %s cut off the broker %d ms (%d connection attempts refused); outbox backlog at restore: %d%n",
                    PROXIED, Duration.between(cut, Instant.now()).toMillis(), proxy.refused() - refusedBefore, backlog);
            assertTrue(backlog > 0, "writes made while cut off wait in the outbox");
            awaitWrites(load, RATE * 2);
            finish(load, PROXIED + " cut off the broker " + OUTAGE_SECONDS + " s");
        }
    }

    /**
     * Restarts the machine's PostgreSQL server under load, so it runs only where that is welcome: in CI (deploy/test.sh
     * passes -Dfault.postgres=true when CI=true) or when asked for. Writes during the restart may get 503 (nothing
     * written); every 201 is stored, and no consumer dead-letters an event because its database was away.
     */
    @Test
    @Order(4)
    void postgresRestartedUnderLoad() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("fault.postgres"),
                "restarts the machine's PostgreSQL: run with -Dfault.postgres=true (CI does)");
        String version = postgresVersion();
        org.junit.jupiter.api.Assumptions.assumeTrue(version != null, "no pg_ctlcluster on this machine");
        long before = count(Service.ENGAGEMENT, "select count(*) from engagement");
        try (Load load = load()) {
            awaitWrites(load, RATE);
            Instant start = Instant.now();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                    .redirectErrorStream(true).start();
            assertEquals(0, restart.waitFor(), new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            System.out.printf("[fault] PostgreSQL %s restarted in %d ms under load%n", version, Duration.between(start, Instant.now()).toMillis());
            awaitWrites(load, RATE * 3);
            finish(load, "PostgreSQL restarted", Set.of("HTTP 503"), before);
        }
    }

    private static String postgresVersion() {
        java.io.File[] versions = new java.io.File("/etc/postgresql").listFiles();
        if (versions == null || versions.length == 0) {
            return null;
        }
        return java.util.Arrays.stream(versions).map(java.io.File::getName).max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** At most 120 s of writes at RATE per second; each test stops it as soon as its fault is over. */
    private static Load load() {
        String url = stack.url(Service.ENGAGEMENT) + "/api/v1/engagements";
        return Load.start(http, url, () -> {
            int n = customer.incrementAndGet();
            // Every other one is an enterprise customer above 20,000 licences: eligible, so an adoption-SME task follows.
            return Map.of("customerName", "Fault customer " + n,
                "fastTrackManager", "fm@partner.example", "licenceCount", n % 2 == 0 ? 25_000 : 5_000, "enterprise", n % 2 == 0,
                "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365",
                        "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner", "CIO"),
                "intendedServices", List.of(Map.of("workload", "OD"), Map.of("workload", "SPO")));
        }, RATE, RATE * 120);
    }

    /** Waits until the load has had n more answers (the fault lasts as long as that takes); failures are asserted in finish. */
    private static void awaitWrites(Load load, int n) {
        int target = load.answered() + n;
        await().atMost(Duration.ofSeconds(n / RATE * 3L + 30)).pollInterval(Duration.ofMillis(50)).until(() -> load.answered() >= target);
    }

    /** Stops the load, waits until everything is delivered and ready, prints the counts and asserts them. */
    private static void finish(Load load, String fault) throws Exception {
        finish(load, fault, Set.of(), -1);
    }

    /** allowedFailures: answers a write may get under this fault (then every 201 must be stored, and only those). */
    private static void finish(Load load, String fault, Set<String> allowedFailures, long engagementsBefore) throws Exception {
        load.close();
        await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(50)).until(() -> load.inFlight() == 0);
        Instant settleStart = Instant.now();
        try {
            await().atMost(SETTLE_LIMIT).pollInterval(Duration.ofMillis(250)).until(KafkaFaultIT::settled);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not settled " + SETTLE_LIMIT.toSeconds() + " s after the load stopped: " + unsettled, e);
        }
        long settleMs = Duration.between(settleStart, Instant.now()).toMillis();

        long engagements = count(Service.ENGAGEMENT, "select count(*) from engagement");
        System.out.printf("[fault] == %s: %d writes sent, %d created (%s), %d engagements stored; all delivered %d ms after the load stopped%n",
                fault, load.sent(), load.created(), load.failures().isEmpty() ? "no failures" : "failures " + load.failures(), engagements, settleMs);
        assertTrue(allowedFailures.containsAll(load.failures().keySet()), "writes under the fault answered only with "
                + (allowedFailures.isEmpty() ? "success" : "success or " + allowedFailures) + ": " + load.failures());
        if (engagementsBefore >= 0) {
            assertEquals(load.created(), engagements - engagementsBefore, "every 201 stored, and nothing else");
        }

        for (Map.Entry<Service, List<Service>> e : CONSUMERS.entrySet()) {
            Set<UUID> written = ids(e.getKey(), "select id from outbox_event");
            assertEquals(0, count(e.getKey(), "select count(*) from outbox_event where sent_at is null"), e.getKey() + " outbox drained");
            for (Service consumer : e.getValue()) {
                Set<UUID> inbox = ids(consumer, "select event_id from inbox_event");
                Set<UUID> lost = new HashSet<>(written);
                lost.removeAll(inbox);
                System.out.printf("[fault]    %-10s → %-10s written %6d  delivered %6d  lost %d%n", e.getKey(), consumer, written.size(),
                        written.size() - lost.size(), lost.size());
                assertEquals(Set.of(), lost, e.getKey() + " events lost on the way to " + consumer);
            }
        }
        Map<String, Integer> wire = wireCopies(stack.topic("engagement-events"));
        long resent = wire.values().stream().filter(n -> n > 1).count();
        System.out.printf("[fault]    engagement-events on the wire: %d records, %d distinct ids, %d sent more than once (absorbed by the inboxes)%n",
                wire.values().stream().mapToInt(Integer::intValue).sum(), wire.size(), resent);

        long matrices = count(Service.SSAT, "select count(*) from ssat_matrix");
        long ssatRows = count(Service.SSAT, "select count(*) from ssat_service");
        long task2536 = count(Service.TASK, "select count(*) from task_instance where ftop_task_id = 2536");
        long task2536Doubled = count(Service.TASK,
                "select count(*) from (select engagement_id from task_instance where ftop_task_id = 2536 group by engagement_id having count(*) > 1) d");
        long catalogReads = count(Service.CATALOG, "select count(*) from engagement_read");
        System.out.printf("[fault]    effects per %d engagements: SSAT matrices %d (service rows %d), task 2536 %d (doubled %d), catalog read models %d%n",
                engagements, matrices, ssatRows, task2536, task2536Doubled, catalogReads);
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
        System.out.printf("[fault]    eligible %d: catalog %d, adoption-SME tasks %d; engagements without a next-step task %d; catalog read models missing an event %d%n",
                eligible.size(), catalogEligible.size(), smeTasks.size(), withoutNextStep, catalogUnnamed);
        assertEquals(eligible, catalogEligible, "catalog knows exactly the eligible engagements");
        assertEquals(eligible, smeTasks, "one adoption-SME task for exactly the eligible engagements");
        assertEquals(0, withoutNextStep);
        assertEquals(0, catalogUnnamed);
        for (Service s : Service.values()) {
            assertReady(s);
        }
    }

    /** Every outbox drained, every outbox id in every consumer's inbox, every service ready. */
    private static volatile String unsettled = "";

    private static boolean settled() throws Exception {
        for (Map.Entry<Service, List<Service>> e : CONSUMERS.entrySet()) {
            long pending = pending(e.getKey());
            if (pending > 0) {
                unsettled = e.getKey() + " outbox still holds " + pending;
                return false;
            }
            Set<UUID> written = ids(e.getKey(), "select id from outbox_event");
            for (Service consumer : e.getValue()) {
                Set<UUID> missing = new HashSet<>(written);
                missing.removeAll(ids(consumer, "select event_id from inbox_event"));
                if (!missing.isEmpty()) {
                    unsettled = missing.size() + " of " + e.getKey() + "'s events not yet in " + consumer + "'s inbox";
                    return false;
                }
            }
        }
        for (Service s : Service.values()) {
            int status = readiness(s);
            if (status != 200) {
                unsettled = s + " readiness " + status;
                return false;
            }
        }
        return true;
    }

    private static void assertReady(Service s) throws Exception {
        assertEquals(200, readiness(s), s + " ready");
    }

    private static int readiness(Service s) {
        try {
            return probe.send(HttpRequest.newBuilder(URI.create(stack.url(s) + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long pending(Service s) throws Exception {
        return count(s, "select count(*) from outbox_event where sent_at is null");
    }

    private static long count(Service s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<UUID> ids(Service s, String sql) throws Exception {
        Set<UUID> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    /** How many records carry each ce_id on a topic, read from the beginning to the current end (bounded). */
    private static Map<String, Integer> wireCopies(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
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
