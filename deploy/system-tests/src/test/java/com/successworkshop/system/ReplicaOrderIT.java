package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import com.successworkshop.harness.fault.KafkaBroker;
import com.successworkshop.harness.fault.TcpProxy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One engagement's events written through two engagement-service instances while one of them cannot reach the broker
 * (a partial fault: one replica's link, as the proxy cut of {@link KafkaFaultIT} but for one instance of two): TEAMS
 * added through the cut-off instance #1, removed again through #2 half a second later. The topic must hold the two
 * changes in the order they were written, and the consumers (resource-catalog-service, task-service) must end with what
 * engagement-service has.
 *
 * <p>Before the outbox relay took a lock per database, #1's relay held the first change's row (FOR UPDATE) while its send
 * waited for the broker, #2's relay skipped that row (SKIP LOCKED) and sent the removal first, and both consumers kept
 * TEAMS for good. Prints {@code [order]} lines.
 */
class ReplicaOrderIT {

    private static final String PARTNER = "partner-order-test";
    private static TcpProxy proxy;
    private static KafkaBroker broker;
    private static Stack stack;
    private static Delivery delivery;
    private static String token;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        proxy = TcpProxy.bind();
        broker = KafkaBroker.start(proxy.port());
        proxy.forwardTo(broker.proxiedTarget());
        stack = Stack.start(EnumSet.of(Service.ENGAGEMENT, Service.TASK, Service.CATALOG), Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap()),
                Map.of(), 2);
        // Instance #1 of engagement-service alone reaches the broker through the proxy.
        stack.restart(Service.ENGAGEMENT, 0, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + proxy.port()));
        delivery = new Delivery(stack, broker.bootstrap(), "[order]");
        token = stack.token(PARTNER, "fasttrack-manager");
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
    void oneEngagementsChangesThroughTwoInstancesWhileOneIsCutOffTheBroker() throws Exception {
        String one = stack.url(Service.ENGAGEMENT, 0) + "/api/v1/engagements";
        String two = stack.url(Service.ENGAGEMENT, 1) + "/api/v1/engagements";
        JsonNode created = new Http(token).post(two, Map.of("customerName", "Order customer", "fastTrackManager", "fm@partner.example",
                "licenceCount", 5_000, "enterprise", false,
                "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365",
                        "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner", "CIO"),
                "intendedServices", List.of(Map.of("workload", "OD"), Map.of("workload", "SPO"))));
        UUID id = UUID.fromString(created.get("id").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> delivery.count(Service.CATALOG,
                "select count(*) from engagement_read where engagement_id = '" + id + "'") == 1
                && delivery.count(Service.TASK, "select count(*) from engagement_ref where engagement_id = '" + id + "'") == 1);
        String etag = send(HttpRequest.newBuilder(URI.create(one + "/" + id)).GET()).headers().firstValue("ETag").orElseThrow();

        proxy.cut();
        Instant cut = Instant.now();
        HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(one + "/" + id + "/intended-services")).header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"workload\":\"TEAMS\"}")));
        assertEquals(200, added.statusCode(), added.body());
        Thread.sleep(500); // instance #1's relay claims the row and waits for the broker
        HttpResponse<String> removed = send(HttpRequest.newBuilder(URI.create(two + "/" + id + "/intended-services/TEAMS"))
                .header("If-Match", added.headers().firstValue("ETag").orElseThrow()).DELETE());
        assertEquals(200, removed.statusCode(), removed.body());
        System.out.printf("[order] engagement %s: TEAMS added through engagement-service #1 (cut off the broker), removed through #2, %d ms apart%n",
                id, Duration.between(cut, Instant.now()).toMillis());
        Thread.sleep(3_000);
        proxy.restore();
        // Settled: the engagement outbox drained and every one of its events in task-service's and the catalog's inbox.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            return delivery.pending(Service.ENGAGEMENT) == 0
                    && delivery.ids(Service.TASK, "select event_id from inbox_event").containsAll(delivery.written(Service.ENGAGEMENT, Service.TASK))
                    && delivery.ids(Service.CATALOG, "select event_id from inbox_event").containsAll(delivery.written(Service.ENGAGEMENT, Service.CATALOG));
        });
        System.out.printf("[order] all delivered %d ms after the cut; engagement outbox rows with a failed attempt: %d%n",
                Duration.between(cut, Instant.now()).toMillis(), delivery.count(Service.ENGAGEMENT, "select count(*) from outbox_event where attempts > 0"));

        // The engagement's events in the order the topic holds them (one key, one partition), with their outbox order.
        List<String> onWire = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        String topic = stack.topic("engagement-events");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (id.toString().equals(r.key())) {
                        String ceId = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                        long seq = delivery.count(Service.ENGAGEMENT, "select seq from outbox_event where id = '" + ceId + "'");
                        String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                        onWire.add("offset " + r.offset() + ": outbox seq " + seq + " " + type.replace("workshop.engagement.", "")
                                + (type.contains("IntendedServicesChanged") ? " " + Http.JSON.readTree(r.value()).path("intendedServices") : ""));
                        seqs.add(seq);
                    }
                }
            }
        }
        onWire.forEach(l -> System.out.println("[order]    " + l));
        JsonNode now = Http.JSON.readTree(send(HttpRequest.newBuilder(URI.create(one + "/" + id)).GET()).body());
        List<String> engagementSays = new ArrayList<>();
        now.path("intendedServices").forEach(s -> {
            if (s.path("removedAt").isMissingNode() || s.path("removedAt").isNull()) {
                engagementSays.add(s.path("workload").asText());
            }
        });
        String catalogSays = text(Service.CATALOG, "select intended_services::text from engagement_read where engagement_id = '" + id + "'");
        String taskSays = text(Service.TASK, "select intended_services from engagement_ref where engagement_id = '" + id + "'");
        System.out.printf("[order] intended services of %s: engagement-service %s; resource-catalog-service read model %s; task-service %s%n",
                id, engagementSays, catalogSays, taskSays);
        List<Long> firstCopies = seqs.stream().distinct().toList();
        assertEquals(firstCopies.stream().sorted().toList(), firstCopies, "the engagement's events on the topic in the order they were written: " + onWire);
        assertEquals(List.of("OD", "SPO"), engagementSays);
        assertEquals("[\"OD\", \"SPO\"]", catalogSays, "resource-catalog-service ends with engagement-service's intended services");
        assertEquals("OD,SPO", taskSays, "task-service ends with engagement-service's intended services");
    }

    private static String text(Service s, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
