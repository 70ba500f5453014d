package com.successworkshop.system;

import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import com.successworkshop.harness.fault.KafkaBroker;
import com.successworkshop.harness.fault.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static TcpProxy proxy;
    private static KafkaBroker broker;
    private static Stack stack;
    private static Http http;
    private static Delivery delivery;
    private static final AtomicInteger customer = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        proxy = TcpProxy.bind();
        broker = KafkaBroker.start(proxy.port());
        proxy.forwardTo(broker.proxiedTarget());
        stack = Stack.start(EnumSet.allOf(Service.class), Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap()),
                Map.of(PROXIED, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + proxy.port())));
        http = new Http(stack.token(PARTNER, "fasttrack-manager"));
        delivery = new Delivery(stack, broker.bootstrap(), "[fault]");
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
        long settleMs = delivery.settle(SETTLE_LIMIT).toMillis();

        long engagements = count(Service.ENGAGEMENT, "select count(*) from engagement");
        System.out.printf("[fault] == %s: %d writes sent, %d created (%s), %d engagements stored; all delivered %d ms after the load stopped%n",
                fault, load.sent(), load.created(), load.failures().isEmpty() ? "no failures" : "failures " + load.failures(), engagements, settleMs);
        assertTrue(allowedFailures.containsAll(load.failures().keySet()), "writes under the fault answered only with "
                + (allowedFailures.isEmpty() ? "success" : "success or " + allowedFailures) + ": " + load.failures());
        if (engagementsBefore >= 0) {
            assertEquals(load.created(), engagements - engagementsBefore, "every 201 stored, and nothing else");
        }
        delivery.verify();
    }

    private static void assertReady(Service s) throws Exception {
        assertEquals(200, delivery.readiness(stack.url(s)), s + " ready");
    }

    private static long pending(Service s) throws Exception {
        return delivery.pending(s);
    }

    private static long count(Service s, String sql) throws Exception {
        return delivery.count(s, sql);
    }
}
