package com.successworkshop.task.support;

import com.successworkshop.kit.testing.Requests;

import com.successworkshop.kit.testing.Tokens;

import com.successworkshop.kit.testing.KafkaTestClient;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Requests as a client sends them, and engagement events as engagement-service's relay sends them. */
public final class Api extends Requests {

    private Api() {
    }

    public static String engagementTopic() {
        return TestInfra.topic("engagement-events");
    }

    /** Publishes an engagement event as engagement-service would; returns its ce_id. */
    public static UUID publish(UUID engagementId, String event, String json) {
        UUID id = UUID.randomUUID();
        publish(engagementId, event, json, id);
        return id;
    }

    public static void publish(UUID engagementId, String event, String json, UUID eventId) {
        KafkaTestClient.sendAll(List.of(event(engagementId, event, json, eventId)));
    }

    /** An engagement event as engagement-service's relay would put it on the topic, for sending many at once. */
    public static ProducerRecord<String, String> event(UUID engagementId, String event, String json, UUID eventId) {
        return KafkaTestClient.cloudEvent(engagementTopic(), engagementId.toString(), eventId, "workshop.engagement." + event + ".v1",
                Instant.now(), json);
    }

    public static void engagementCreated(UUID engagementId, String partnerId, String... services) {
        publish(engagementId, "EngagementCreated", engagementCreatedJson(engagementId, partnerId, services));
    }

    public static String engagementCreatedJson(UUID engagementId, String partnerId, String... services) {
        return """
                {"engagementId": "%s", "partnerId": "%s", "customerName": "Contoso", "fastTrackManager": "fm@x.example",
                 "licenceCount": 1200, "enterprise": false, "enrolledInAdoptionBenefit": false, "intendedServices": [%s]}"""
                .formatted(engagementId, partnerId, quoted(services));
    }

    public static String quoted(String... values) {
        return List.of(values).stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** The engagement's tasks once the service has made them. */
    public static JsonPath awaitTasks(String partnerId, UUID engagementId, int atLeast) {
        JsonPath[] holder = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = manager(partnerId).queryParam("size", 200).queryParam("includeRetired", true)
                    .get("/api/v1/engagements/" + engagementId + "/tasks");
            if (r.statusCode() != 200) {
                return false;
            }
            holder[0] = r.jsonPath();
            return holder[0].getList("items").size() >= atLeast;
        });
        return holder[0];
    }

    public static Map<String, Object> task(JsonPath tasks, int ftopTaskId) {
        List<Map<String, Object>> items = tasks.getList("items");
        return items.stream().filter(t -> Integer.valueOf(ftopTaskId).equals(t.get("ftopTaskId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + ftopTaskId + " in " + items));
    }
}
