package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A CloudEvent read from a Kafka record in binary mode. A record that is not one is a poison message. */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, JsonNode data) {

    public static IncomingEvent from(Headers headers, String value, ObjectMapper mapper) {
        try {
            JsonNode data = value == null ? null : mapper.readTree(value);
            if (data == null || !data.isObject()) {
                throw new PoisonMessageException("data is not a JSON object");
            }
            return new IncomingEvent(UUID.fromString(required(headers, "ce_id")), required(headers, "ce_type"),
                    required(headers, "ce_source"), required(headers, "ce_subject"),
                    Instant.parse(required(headers, "ce_time")), data);
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

    /** The engagement the event is about: its subject, which is also its Kafka key. */
    public UUID engagementId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("subject " + subject + " is not an engagement id");
        }
    }

    /** How {@link #data(ObjectReader)} reads {@code type}: built once per event type (building one showed in catch-up profiles). */
    public static ObjectReader reader(Class<?> type, ObjectMapper mapper) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The data as the consumer's own record of this event type and version, read by {@link #reader}. Fields a newer producer added are ignored
     * (additive changes keep the version); a field of the wrong type makes the event poison.
     */
    public <T> T data(ObjectReader reader) {
        try {
            return reader.readValue(data);
        } catch (Exception e) {
            throw new PoisonMessageException("data does not match " + this.type + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Every engagement event names its engagement and partner; one without them can never apply. */
    public static void requireEngagement(UUID engagementId, String partnerId) {
        if (engagementId == null) {
            throw new PoisonMessageException("data.engagementId is missing");
        }
        if (partnerId == null || partnerId.isBlank()) {
            throw new PoisonMessageException("data.partnerId is missing");
        }
    }

    private static String required(Headers headers, String header) {
        Header h = headers.lastHeader(header);
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
