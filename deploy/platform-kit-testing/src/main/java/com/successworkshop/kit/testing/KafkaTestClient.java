package com.successworkshop.kit.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** A plain Kafka client, as an outside consumer or producer would be: reads and writes the real topics. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static String bootstrap() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** Every record of a topic from the beginning until one matches {@code until} or the timeout passes. */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrap, String topic,
                                                                 Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (until.test(r)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout + "; saw " + seen.size() + " records");
    }

    public static List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<ConsumerRecord<String, String>> until) {
        return readUntil(bootstrap(), topic, until, Duration.ofSeconds(30));
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static void send(String topic, String key, Map<String, String> headers, String value) {
        sendAll(List.of(record(topic, key, headers, value)));
    }

    /** Sends the records through one producer, in this order (Kafka keeps it per key), and waits for every ack. */
    public static void sendAll(List<ProducerRecord<String, String>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> r : records) {
                acks.add(producer.send(r));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + records.get(0).topic(), e);
        }
    }

    /** A CloudEvent in binary mode, as another service's outbox relay would write it. */
    public static ProducerRecord<String, String> cloudEvent(String topic, String key, UUID id, String type, Instant time, String json) {
        return record(topic, key, Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type, "ce_source", "/test",
                "ce_subject", key, "ce_time", time.toString(), "content-type", "application/json"), json);
    }

    private static ProducerRecord<String, String> record(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public static TopicPartition partition(String topic) {
        return new TopicPartition(topic, 0);
    }

    /** Publishes a CloudEvent in binary mode, as another service's outbox relay would. */
    public static void sendCloudEvent(String topic, String key, UUID id, String type, Instant time, String json) {
        sendAll(List.of(cloudEvent(topic, key, id, type, time, json)));
    }

    public static ProducerRecord<String, String> cloudEvent(String topic, String key, UUID id, String type, String json) {
        return cloudEvent(topic, key, id, type, Instant.now(), json);
    }

    /**
     * What a consumer has dead-lettered so far: sends a marker record that it must dead-letter (not a CloudEvent) and
     * reads the dead-letter topic up to it.
     */
    public static List<ConsumerRecord<String, String>> deadLettered(String topic, String deadLetterTopic) {
        String marker = "dead-letter-marker-" + UUID.randomUUID();
        send(topic, marker, Map.of("content-type", "application/json"), "not a CloudEvent");
        return readUntil(deadLetterTopic, r -> marker.equals(r.key()));
    }
}
