package com.successworkshop.system;

import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service side by side, as the production overlay runs them (there: three): the same database
 * and the same consumer group per service, a port each, all launched at once (so both run Flyway against the fresh
 * database together). Engagement writes go to the two engagement-service instances in turn; mid-load one instance of
 * every service is killed with SIGKILL (engagement-service #2 and task-service #2 first, then ssat-service #1 and
 * resource-catalog-service #1), and the load carries on (writes sent to the dead instance fail; only 201s count).
 *
 * <p>Once settled (the dead consumers' partitions move to the survivors after the session timeout), the same checks
 * as {@link KafkaFaultIT} through {@link Delivery}: every outbox drained, every event in every consumer's inbox (0 lost),
 * every effect exactly once, and an event sent more than once (a relay killed between the broker's ack and marking
 * the row sent, whose rows the surviving relay then claims) absorbed by the inboxes: one inbox row per distinct id.
 * Prints {@code [replicas]} lines; no timing is asserted. {@code -Dreplicas.rate=N} changes the write rate (default 10/s),
 * {@code -Dreplicas.phase=S} the seconds of load between the kills (default 2).
 */
class ReplicasIT {

    private static final int REPLICAS = 2;
    private static final int RATE = Integer.getInteger("replicas.rate", 10);
    private static final int PHASE_SECONDS = Integer.getInteger("replicas.phase", 2);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
    private static final String PARTNER = "partner-replicas-test";
    /** The consumer groups whose engagement-events partitions are shared out between the two instances. */
    private static final List<Service> ENGAGEMENT_CONSUMERS = Delivery.CONSUMERS.get(Service.ENGAGEMENT);

    private static Stack stack;
    private static Http http;
    private static Delivery delivery;
    private static final AtomicInteger customer = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Instant begin = Instant.now();
        stack = Stack.start(EnumSet.allOf(Service.class), Map.of(), Map.of(), REPLICAS);
        http = new Http(stack.token(PARTNER, "fasttrack-manager"));
        delivery = new Delivery(stack, stack.kafkaBootstrap(), "[replicas]");
        System.out.printf("[replicas] %d instances of each of the 4 services ready %d ms after launch (all at once); %s; %d writes/s, %d s between kills%n",
                REPLICAS, Duration.between(begin, Instant.now()).toMillis(), stack.runningUrls(), RATE, PHASE_SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoInstancesOfEveryServiceOneOfEachKilledWithSigkillUnderLoad() throws Exception {
        // Both instances of every consumer hold some of the engagement-events partitions before anything dies.
        try (Admin admin = admin()) {
            for (Service s : ENGAGEMENT_CONSUMERS) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> owners(admin, s).stream().filter(p -> !p.isEmpty()).count() == REPLICAS);
                System.out.printf("[replicas] %-10s group before the kills: engagement-events partitions per member %s%n", s, owners(admin, s));
            }
        }

        String engagement1 = stack.url(Service.ENGAGEMENT, 0) + "/api/v1/engagements";
        String engagement2 = stack.url(Service.ENGAGEMENT, 1) + "/api/v1/engagements";
        Instant loadStart = Instant.now();
        int createdAtFirstKill;
        int createdAtSecondKill;
        try (Load load = load(List.of(engagement1, engagement2))) {
            awaitWrites(load, RATE * PHASE_SECONDS);
            createdAtFirstKill = load.created();
            stack.kill(Service.ENGAGEMENT, 1);
            stack.kill(Service.TASK, 1);
            System.out.printf("[replicas] %d ms into the load (%d created): killed (SIGKILL) engagement-service #2 and task-service #2%n",
                    Duration.between(loadStart, Instant.now()).toMillis(), createdAtFirstKill);
            awaitWrites(load, RATE * PHASE_SECONDS);
            createdAtSecondKill = load.created();
            stack.kill(Service.SSAT, 0);
            stack.kill(Service.CATALOG, 0);
            System.out.printf("[replicas] %d ms into the load (%d created): killed (SIGKILL) ssat-service #1 and resource-catalog-service #1%n",
                    Duration.between(loadStart, Instant.now()).toMillis(), createdAtSecondKill);
            awaitWrites(load, RATE * PHASE_SECONDS);
            load.close();
            long loadMs = Duration.between(loadStart, Instant.now()).toMillis();
            await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(50)).until(() -> load.inFlight() == 0);
            Duration settle = delivery.settle(SETTLE_LIMIT);

            long engagements = delivery.count(Service.ENGAGEMENT, "select count(*) from engagement");
            int by1 = count(load.createdBy(), engagement1);
            int by2 = count(load.createdBy(), engagement2);
            System.out.printf("[replicas] == %d writes sent over %d ms, %d created (engagement-service #1: %d, #2: %d), failed %s (by instance: %s); "
                            + "%d engagements stored (%d committed by #2 without its answer arriving); all delivered %d ms after the load stopped%n",
                    load.sent(), loadMs, load.created(), by1, by2,
                    load.failures(), failedByInstance(load, engagement1, engagement2), engagements, engagements - load.created(), settle.toMillis());
            assertTrue(by1 > 0 && by2 > 0, "writes went through both engagement-service instances");
            assertTrue(load.created() > createdAtSecondKill, "the load carried on through the surviving instance after the kills");
            assertEquals(0, count(load.failedBy(), engagement1), "the surviving engagement-service #1 answered every write with 201: " + load.failures());
            assertTrue(engagements >= load.created() && engagements <= load.sent(), "every 201 stored (" + load.created()
                    + "), and at most what was sent (" + load.sent() + "): " + engagements);
        }

        Delivery.Figures figures = delivery.verify();
        try (Admin admin = admin()) {
            for (Service s : ENGAGEMENT_CONSUMERS) {
                System.out.printf("[replicas] %-10s group after: engagement-events partitions per member %s%n", s, owners(admin, s));
            }
        }
        System.out.printf("[replicas] == exactly once with one of two instances of every service killed: %d engagements, %d engagement events "
                        + "(%d records on the wire, %d sent more than once, all absorbed)%n",
                figures.engagements(), figures.wireDistinct(), figures.wireRecords(), figures.sentMoreThanOnce());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** At most 120 s of writes at RATE per second, to the given engagement-service instances in turn. */
    private static Load load(List<String> urls) {
        return Load.start(http, urls, () -> {
            int n = customer.incrementAndGet();
            // Two of every four are enterprise customers above 20,000 licences: eligible, so an adoption-SME task follows.
            // (Not every other one: the writes alternate between the instances, and each instance gets both kinds.)
            boolean eligible = (n / 2) % 2 == 0;
            return Map.of("customerName", "Replica customer " + n,
                    "fastTrackManager", "fm@partner.example", "licenceCount", eligible ? 25_000 : 5_000, "enterprise", eligible,
                    "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365",
                            "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner", "CIO"),
                    "intendedServices", List.of(Map.of("workload", "OD"), Map.of("workload", "SPO")));
        }, RATE, RATE * 120);
    }

    private static void awaitWrites(Load load, int n) {
        int target = load.answered() + n;
        await().atMost(Duration.ofSeconds(n / RATE * 3L + 30)).pollInterval(Duration.ofMillis(50)).until(() -> load.answered() >= target);
    }

    private static int count(Map<String, AtomicInteger> byUrl, String url) {
        AtomicInteger n = byUrl.get(url);
        return n == null ? 0 : n.get();
    }

    private static String failedByInstance(Load load, String engagement1, String engagement2) {
        return "#1 " + count(load.failedBy(), engagement1) + ", #2 " + count(load.failedBy(), engagement2);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }

    /** The engagement-events partitions each member of a service's consumer group holds now (members holding none left out). */
    private static List<Set<Integer>> owners(Admin admin, Service s) throws Exception {
        String groupId = stack.consumerGroup(s);
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
        String topic = stack.topic("engagement-events");
        List<Set<Integer>> out = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            Set<Integer> parts = new TreeSet<>();
            for (TopicPartition tp : m.assignment().topicPartitions()) {
                if (tp.topic().equals(topic)) {
                    parts.add(tp.partition());
                }
            }
            if (!parts.isEmpty()) {
                out.add(parts);
            }
        }
        return out;
    }
}
