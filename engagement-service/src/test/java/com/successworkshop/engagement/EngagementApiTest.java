package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class EngagementApiTest {

    @Test
    void createReturns201WithLocationAndEtagAndTheEngagementCanBeRead() {
        String partner = Api.partner();
        var created = manager(partner).body(engagement("Contoso", 1200, false, "OD", "SPO"))
                .post("/api/v1/engagements")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/engagements/"))
                .body("partnerId", equalTo(partner))
                .body("phase", equalTo("ASSESS"))
                .body("workshop.state", equalTo("NOT_SCHEDULED"))
                .body("intendedServices.workload", contains("OD", "SPO"))
                .body("dibsRisks", hasSize(0))
                .extract();
        String id = created.path("id");
        String location = created.header("Location");
        given().auth().oauth2(Tokens.manager(partner)).get(location)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("customerName", equalTo("Contoso"));
    }

    /**
     * GET answers from the view kept at the engagement's version: the same body as the first render, a change (also
     * of a child row) shows at once with its new ETag, and another partner never gets the kept view.
     */
    @Test
    void readsAnswerTheCurrentVersionFromTheKeptView() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 100, false, "OD"));
        String path = "/api/v1/engagements/" + id;
        String first = manager(partner).get(path).then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\"")).extract().asString();
        String kept = manager(partner).get(path).then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\"")).extract().asString();
        assertEquals(first, kept);
        manager(partner).header("If-None-Match", "\"0\"").get(path).then().statusCode(304);
        manager(partner).header("If-Match", "\"0\"").body(Map.of("customerName", "Contoso Pharma")).patch(path).then().statusCode(200);
        manager(partner).get(path).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("customerName", equalTo("Contoso Pharma"));
        manager(partner).header("If-Match", "\"1\"").body(Map.of("workload", "SPO")).post(path + "/intended-services").then().statusCode(200);
        manager(partner).get(path).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("intendedServices.workload", contains("OD", "SPO")).body("version", equalTo(2));
        manager(Api.partner()).get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void missingDibsItemsAreReportedAsRisks() {
        String partner = Api.partner();
        Map<String, Object> body = new HashMap<>(engagement("Fabrikam", 300, false, "TEAMS"));
        body.put("dibs", Map.of("intent", "Teams for frontline workers"));
        manager(partner).body(body).post("/api/v1/engagements").then().statusCode(201)
                .body("dibsRisks", contains("DUE_DATE_MISSING", "BUSINESS_REASON_MISSING", "SUCCESS_OWNER_MISSING"));
    }

    /** The queries name no partner: the kit's partner filter alone keeps B away from A's engagement, everywhere. */
    @Test
    void anotherPartnersEngagementIsNotFound() {
        String a = Api.partner();
        String id = Api.create(a, engagement("Contoso", 100, false, "OD"));
        String b = Api.partner();
        manager(b).get("/api/v1/engagements/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        Api.as(Tokens.of(b, "partner-viewer")).get("/api/v1/engagements/" + id + "/timeline").then().statusCode(404);
        manager(b).get("/api/v1/engagements/" + id + "/overview").then().statusCode(404);
        manager(b).header("If-Match", "*").body(Map.of("licenceCount", 30000)).patch("/api/v1/engagements/" + id).then().statusCode(404);
        manager(b).queryParam("q", "Contoso").get("/api/v1/engagements").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        manager(a).get("/api/v1/engagements/" + id).then().statusCode(200).body("licenceCount", equalTo(100));
    }

    @Test
    void listIsScopedToThePartnerFilteredAndPaged() {
        String partner = Api.partner();
        Api.create(partner, engagement("Alpine Ski House", 500, false, "OD"));
        Api.create(partner, engagement("Adventure Works", 800, false, "SPO"));
        Api.create(partner, engagement("Alpine Bakery", 900, false, "OD", "TEAMS"));
        Api.create(Api.partner(), engagement("Alpine Elsewhere", 900, false, "OD"));

        manager(partner).queryParam("service", "OD").queryParam("sort", "customerName,asc").queryParam("size", 1)
                .get("/api/v1/engagements")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("page", equalTo(0))
                .body("items.customerName", contains("Alpine Bakery"));
        manager(partner).queryParam("q", "alpine").queryParam("page", 1).queryParam("size", 1).queryParam("sort", "customerName,asc")
                .get("/api/v1/engagements")
                .then().statusCode(200).body("total", equalTo(2)).body("items.customerName", contains("Alpine Ski House"));
        manager(partner).queryParam("size", 201).get("/api/v1/engagements")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        manager(partner).queryParam("status", "SLEEPING").get("/api/v1/engagements")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void invalidInputIsA400ProblemNamingTheFieldAndWritesNothing() {
        String partner = Api.partner();
        Map<String, Object> body = new HashMap<>(engagement("", -5, false));
        manager(partner).body(body).post("/api/v1/engagements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("validation"))
                .body("errors.field", hasItem("customerName"))
                .body("errors.field", hasItem("licenceCount"))
                .body("errors.field", hasItem("intendedServices"));

        Map<String, Object> badL2 = new HashMap<>(engagement("Contoso", 10, false));
        badL2.put("intendedServices", List.of(Map.of("workload", "OD", "l1Status", "IN_PROGRESS", "l2Status", "Migration")));
        manager(partner).body(badL2).post("/api/v1/engagements")
                .then().statusCode(400).body("errors[0].field", equalTo("intendedServices[0].targetDate"));

        Map<String, Object> badEnum = new HashMap<>(engagement("Contoso", 10, false));
        badEnum.put("intendedServices", List.of(Map.of("workload", "NOT_A_WORKLOAD")));
        manager(partner).body(badEnum).post("/api/v1/engagements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("intendedServices[0].workload"));

        Map<String, Object> unknown = new HashMap<>(engagement("Contoso", 10, false, "OD"));
        unknown.put("colour", "blue");
        manager(partner).body(unknown).post("/api/v1/engagements")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));

        manager(partner).body("{\"customerName\": ").post("/api/v1/engagements")
                .then().statusCode(400).contentType("application/problem+json");
        manager(partner).body("{\"licenceCount\": \"many\"}").post("/api/v1/engagements")
                .then().statusCode(400).body("errors[0].field", equalTo("licenceCount"));

        manager(partner).get("/api/v1/engagements").then().body("total", equalTo(0));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String big = "x".repeat(300_000);
        manager(Api.partner()).body(Map.of("customerName", big)).post("/api/v1/engagements")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void noTokenIs401AndWrongRoleIs403() {
        given().get("/api/v1/engagements").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").get("/api/v1/engagements").then().statusCode(401);
        Api.as(Tokens.of(Api.partner(), "partner-viewer")).body(engagement("Contoso", 10, false, "OD"))
                .post("/api/v1/engagements").then().statusCode(403).contentType("application/problem+json");
        Api.as(Tokens.of(Api.partner(), "catalog-admin")).get("/api/v1/engagements").then().statusCode(403);
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 100, false, "OD"));
        manager(partner).body(Map.of("status", "ON_HOLD")).patch("/api/v1/engagements/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String etag = manager(partner).body(Map.of("status", "ON_HOLD")).header("If-Match", "\"0\"")
                .patch("/api/v1/engagements/" + id)
                .then().statusCode(200).body("status", equalTo("ON_HOLD")).extract().header("ETag");
        manager(partner).body(Map.of("status", "REACTIVE")).header("If-Match", "\"0\"").patch("/api/v1/engagements/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        manager(partner).body(Map.of("status", "REACTIVE")).header("If-Match", etag).patch("/api/v1/engagements/" + id)
                .then().statusCode(200).body("status", equalTo("REACTIVE"));
    }

    @Test
    void idempotencyKeyReturnsTheFirstResponseAndCreatesNothingTwice() {
        String partner = Api.partner();
        String key = UUID.randomUUID().toString();
        var body = engagement("Northwind", 700, false, "EXO");
        String first = manager(partner).header("Idempotency-Key", key).body(body).post("/api/v1/engagements")
                .then().statusCode(201).extract().path("id");
        manager(partner).header("Idempotency-Key", key).body(body).post("/api/v1/engagements")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first)).body("id", equalTo(first));
        manager(partner).header("Idempotency-Key", key).body(engagement("Other", 1, false, "EXO")).post("/api/v1/engagements")
                .then().statusCode(422).contentType("application/problem+json");
        manager(partner).get("/api/v1/engagements").then().body("total", equalTo(1));
    }

    @Test
    void intendedServicesAreAddedUpdatedAndRetiredNotDeleted() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 100, false, "OD"));
        manager(partner).body(Map.of("workload", "SPO")).post("/api/v1/engagements/" + id + "/intended-services")
                .then().statusCode(200).body("intendedServices.workload", contains("OD", "SPO"));
        manager(partner).body(Map.of("workload", "SPO")).post("/api/v1/engagements/" + id + "/intended-services")
                .then().statusCode(409).body("rule", equalTo("intended-service.already-intended"));
        String etag = manager(partner).get("/api/v1/engagements/" + id).then().extract().header("ETag");
        manager(partner).header("If-Match", etag)
                .body(Map.of("l1Status", "BLOCKED", "l2Status", "Legal/Regulatory", "targetDate", "2027-05-01"))
                .put("/api/v1/engagements/" + id + "/intended-services/SPO")
                .then().statusCode(200).body("intendedServices.find { it.workload == 'SPO' }.l1Status", equalTo("BLOCKED"));
        manager(partner).delete("/api/v1/engagements/" + id + "/intended-services/OD")
                .then().statusCode(428).contentType("application/problem+json");
        etag = manager(partner).get("/api/v1/engagements/" + id).then().extract().header("ETag");
        manager(partner).header("If-Match", etag).delete("/api/v1/engagements/" + id + "/intended-services/OD")
                .then().statusCode(200).body("intendedServices.find { it.workload == 'OD' }.removedAt", notNullValue());
        manager(partner).header("If-Match", "*").delete("/api/v1/engagements/" + id + "/intended-services/SPO")
                .then().statusCode(409).body("rule", equalTo("intended-service.at-least-one"));
        manager(partner).queryParam("service", "OD").get("/api/v1/engagements").then().body("total", is(0));
        manager(partner).get("/api/v1/engagements/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("INTENDED_SERVICE_REMOVED"));
    }

    @Test
    void checkInsAreScheduledAndListedByCadence() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 100, false, "OD"));
        manager(partner).body(Map.of("cadence", "BIWEEKLY", "nextDate", "2030-01-07",
                        "attendees", List.of(Map.of("name", "Aiko", "organisation", "Contoso", "role", "Sponsor"))))
                .post("/api/v1/engagements/" + id + "/check-ins").then().statusCode(200);
        manager(partner).queryParam("count", 3).get("/api/v1/engagements/" + id + "/check-ins")
                .then().statusCode(200).body("cadence", equalTo("BIWEEKLY"))
                .body("upcoming", contains("2030-01-07", "2030-01-21", "2030-02-04"));
        manager(partner).body(Map.of("cadence", "BIWEEKLY", "nextDate", "2001-01-01"))
                .post("/api/v1/engagements/" + id + "/check-ins").then().statusCode(400).body("errors[0].field", equalTo("nextDate"));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("kafka-outbox"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_pending"));
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).body(containsString("createEngagement"));
    }
}
