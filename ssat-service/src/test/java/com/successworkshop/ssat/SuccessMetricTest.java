package com.successworkshop.ssat;

import com.successworkshop.ssat.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SuccessMetricTest {

    private static Map<String, Object> activeUsage(String service) {
        return Map.of("service", service, "kind", "ACTIVE_USAGE_PERCENT", "name", "Active users %", "unit", "%",
                "baseline", 0, "target", 40, "dueDate", "2027-06-30", "owner", "Aiko Tanaka");
    }

    private static String measure(String partner, String metrics, String metricId, double value) {
        return manager(partner).body(Map.of("value", value, "measuredAt", Instant.now().minusSeconds(60).toString(),
                        "source", "M365 usage reports"))
                .post(metrics + "/" + metricId + "/measurements").then().statusCode(201).extract().path("id");
    }

    @Test
    void metricsAreCreatedMeasuredAndShowProgress() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD", "TEAMS");
        String metrics = "/api/v1/engagements/" + id + "/success-metrics";
        String key = UUID.randomUUID().toString();
        String metricId = manager(partner).header("Idempotency-Key", key).body(activeUsage("OD")).post(metrics)
                .then().statusCode(201).header("Location", containsString(metrics + "/"))
                .body("progressPercent", equalTo(0)).body("latestValue", nullValue()).extract().path("id");
        manager(partner).header("Idempotency-Key", key).body(activeUsage("OD")).post(metrics)
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", endsWith(metricId));
        manager(partner).get(metrics).then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(1));

        measure(partner, metrics, metricId, 6);
        measure(partner, metrics, metricId, 10);
        manager(partner).get(metrics + "/" + metricId).then().statusCode(200)
                .body("latestValue", equalTo(10.0f)).body("progressPercent", equalTo(25.0f)).body("targetMet", equalTo(false));
        manager(partner).get(metrics + "/" + metricId + "/measurements").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].source", equalTo("M365 usage reports"));

        String etag = manager(partner).get(metrics + "/" + metricId).then().extract().header("ETag");
        Map<String, Object> changed = new HashMap<>(activeUsage("OD"));
        changed.put("target", 20);
        manager(partner).body(changed).put(metrics + "/" + metricId).then().statusCode(428);
        manager(partner).header("If-Match", etag).body(changed).put(metrics + "/" + metricId)
                .then().statusCode(200).body("progressPercent", equalTo(50.0f));
        manager(partner).header("If-Match", etag).body(changed).put(metrics + "/" + metricId).then().statusCode(412);
        String current = manager(partner).get(metrics + "/" + metricId).then().extract().header("ETag");
        manager(partner).header("If-Match", current).delete(metrics + "/" + metricId).then().statusCode(204);
        manager(partner).get(metrics + "/" + metricId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidMetricsAre400Problems() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        String metrics = "/api/v1/engagements/" + id + "/success-metrics";
        manager(partner).body(activeUsage("TEAMS")).post(metrics)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("service"));
        manager(partner).body(Map.of("service", "OD", "baseline", 0, "target", 10)).post(metrics)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        String metricId = manager(partner).body(activeUsage("OD")).post(metrics).then().statusCode(201).extract().path("id");
        manager(partner).body(Map.of("value", 5)).post(metrics + "/" + metricId + "/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("measuredAt"));
    }

    @Test
    void successReviewIsDueAtTenPercentActiveUsageOnEveryIntendedService() {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD", "TEAMS");
        String metrics = "/api/v1/engagements/" + id + "/success-metrics";
        String review = "/api/v1/engagements/" + id + "/success-review-readiness";
        String od = manager(partner).body(activeUsage("OD")).post(metrics).then().statusCode(201).extract().path("id");
        String teams = manager(partner).body(activeUsage("TEAMS")).post(metrics).then().statusCode(201).extract().path("id");
        measure(partner, metrics, od, 12);
        measure(partner, metrics, teams, 9.5);
        manager(partner).get(review).then().statusCode(200)
                .body("ready", equalTo(false)).body("activeUsageThreshold", equalTo(10))
                .body("services.find { it.service == 'OD' }.ready", equalTo(true))
                .body("services.find { it.service == 'TEAMS' }.ready", equalTo(false));
        measure(partner, metrics, teams, 10);
        manager(partner).get(review).then().statusCode(200).body("ready", equalTo(true));
        manager(Api.partner()).get(review).then().statusCode(404);
    }
}
