package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SuccessWorkshopTest {

    private static final String NEXT_MONTH = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String LATER = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    private static Map<String, Object> schedule(String startsAt) {
        return Map.of("startsAt", startsAt, "durationMinutes", 120,
                "attendees", List.of(Map.of("name", "Aiko Tanaka", "organisation", "Contoso", "role", "Success owner")),
                "agenda", List.of("Success factors", "Resources and demos"));
    }

    private static final Map<String, Object> OUTCOMES = Map.of("successDefined", true, "successPlanOwner", "Aiko Tanaka",
            "communicationChannel", "Microsoft Teams", "checkInCadence", "BIWEEKLY", "levelOfEffort", "Medium");

    @Test
    void workshopIsScheduledOnlyAfterKickoff() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD"));
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("prerequisites.kickoff-complete")).body("detail", containsString("kickoff"));
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(409);
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop")
                .then().statusCode(200).body("workshop.state", equalTo("SCHEDULED")).body("workshop.startsAt", equalTo(NEXT_MONTH));
    }

    @Test
    void customerInTheEnterpriseAdoptionBenefitProgramGetsNoWorkshop() {
        String partner = Api.partner();
        var body = new java.util.HashMap<>(engagement("Tailspin Toys", 30000, true, "OD"));
        body.put("enrolledInAdoptionBenefit", true);
        String id = Api.create(partner, body);
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop")
                .then().statusCode(409).body("rule", equalTo("prerequisites.not-enrolled-in-adoption-benefit"));
    }

    @Test
    void workshopCompletesOnlyWhenSsatIsRecordedForEveryIntendedService() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 25000, true, "OD", "SPO"));
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop").then().statusCode(200);
        manager(partner).body(Map.of("startsAt", LATER, "durationMinutes", 90, "reason", "Sponsor travelling"))
                .post("/api/v1/engagements/" + id + "/workshop/reschedule").then().statusCode(200).body("workshop.startsAt", equalTo(LATER));

        manager(partner).body(OUTCOMES).post("/api/v1/engagements/" + id + "/workshop/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("outcomes.ssat-recorded-for-every-intended-service"))
                .body("errors.field", contains("intendedServices.OD", "intendedServices.SPO"))
                .body("detail", containsString("eventually consistent"));

        Events.ssatReadiness(id, partner, 1, 2, List.of("SPO"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                manager(partner).body(OUTCOMES).post("/api/v1/engagements/" + id + "/workshop/complete")
                        .then().statusCode(409).body("errors.field", contains("intendedServices.SPO")));

        Events.ssatReadiness(id, partner, 2, 2, List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                manager(partner).body(OUTCOMES).post("/api/v1/engagements/" + id + "/workshop/complete").then().statusCode(200)
                        .body("workshop.state", equalTo("COMPLETED"))
                        .body("workshop.outcomes.checkInCadence", equalTo("BIWEEKLY")));

        manager(partner).body(OUTCOMES).post("/api/v1/engagements/" + id + "/workshop/complete")
                .then().statusCode(409).body("rule", equalTo("workshop.state"));
        manager(partner).get("/api/v1/engagements/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", hasItems("ENGAGEMENT_CREATED", "ELIGIBILITY_DETERMINED", "KICKOFF_COMPLETED", "WORKSHOP_SCHEDULED",
                        "WORKSHOP_RESCHEDULED", "SSAT_READINESS_CHANGED", "WORKSHOP_COMPLETED"));
        Events.awaitEvent(id, "WorkshopCompleted");
    }

    @Test
    void aCancelledWorkshopCanBeScheduledAgain() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "TEAMS"));
        manager(partner).body(Map.of("reason", "nothing to cancel")).post("/api/v1/engagements/" + id + "/workshop/cancel")
                .then().statusCode(409).body("rule", equalTo("workshop.state"));
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop").then().statusCode(200);
        manager(partner).body(schedule(NEXT_MONTH)).post("/api/v1/engagements/" + id + "/workshop")
                .then().statusCode(409).body("detail", containsString("reschedule"));
        manager(partner).body(Map.of("reason", "Customer asked to postpone")).post("/api/v1/engagements/" + id + "/workshop/cancel")
                .then().statusCode(200).body("workshop.state", equalTo("CANCELLED"));
        manager(partner).body(schedule(LATER)).post("/api/v1/engagements/" + id + "/workshop")
                .then().statusCode(200).body("workshop.state", equalTo("SCHEDULED"));
        manager(partner).body(Map.of("startsAt", "2001-01-01T00:00:00Z", "durationMinutes", 60))
                .post("/api/v1/engagements/" + id + "/workshop/reschedule").then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
    }

    @Test
    void aStaleIfMatchOnACommandIs412() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "TEAMS"));
        manager(partner).header("If-Match", "\"7\"").post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(412);
        manager(partner).header("If-Match", "\"0\"").post("/api/v1/engagements/" + id + "/kickoff/complete")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
    }
}
