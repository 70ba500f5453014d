package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A CloudEvent read from a Kafka record in binary mode. A record that is not one is a poison message. */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        try {
            JsonNode data = mapper.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new PoisonMessageException("data is not a JSON object");
            }
            return new IncomingEvent(UUID.fromString(required(record, "ce_id")), required(record, "ce_type"),
                    required(record, "ce_source"), required(record, "ce_subject"),
                    Instant.parse(required(record, "ce_time")), data);
        } catch (PoisonMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonMessageException("not a CloudEvent with JSON data: " + e.getMessage());
        }
    }

    /** "workshop.ssat.SsatReadinessChanged.v1" → "SsatReadinessChanged". */
    public String name() {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    private static String required(ConsumerRecord<String, String> record, String header) {
        Header h = record.headers().lastHeader(header);
        if (h == null || h.value() == null || h.value().length == 0) {
            throw new PoisonMessageException("missing header " + header);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Goes to the dead-letter topic with its reason; the consumer carries on. */
    public static class PoisonMessageException extends RuntimeException {
        public PoisonMessageException(String reason) {
            super(reason);
        }
    }
}
