package com.successworkshop.system;

import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The playbook as an FM runs it, over HTTP, against the four packaged services started as processes on real
 * PostgreSQL and Kafka. Assertions on another service wait with a bounded poll and print how long the event took.
 */
class WorkshopFlowIT {

    private static Stack stack;
    private static OtlpReceiver traces;
    private static String token;
    private static final String PARTNER = "partner-system-test";
    private static final Duration HOP_LIMIT = Duration.ofSeconds(30);

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        traces = new OtlpReceiver();
        // Every trace sampled and exported quickly to the test exporter, so a trace across the services can be seen.
        stack = Stack.start(java.util.EnumSet.allOf(Service.class), Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_TRACES_SAMPLER_ARG", "1", "OTEL_BSP_SCHEDULE_DELAY", "100ms"));
        token = stack.token(PARTNER, "fasttrack-manager");
        stack.startupTimes().forEach((s, d) -> System.out.printf("[system] %s ready %d ms after launch%n", s, d.toMillis()));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    private static RequestSpecification at(Service s) {
        return RestAssured.given().baseUri(stack.url(s)).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Polls until the assertion holds (bounded), and prints how long the hop took. */
    private static void eventually(String what, Runnable assertion) {
        Instant start = Instant.now();
        await().atMost(HOP_LIMIT).pollInterval(Duration.ofMillis(25)).untilAsserted(assertion::run);
        System.out.printf("[system] %-60s visible after %5d ms%n", what, Duration.between(start, Instant.now()).toMillis());
    }

    private static Map<String, Object> engagement(String customer, int licences, boolean enterprise, String... services) {
        return Map.of("customerName", customer, "fastTrackManager", "fm@partner.example", "licenceCount", licences,
                "enterprise", enterprise,
                "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365", "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE",
                        "successOwner", "CIO"),
                "intendedServices", java.util.Arrays.stream(services).map(s -> Map.of("workload", s)).toList());
    }

    /** Collects the SSE event names of one engagement's live stream. */
    private static List<String> watch(String engagementId) throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.url(Service.ENGAGEMENT) + "/api/v1/engagements/" + engagementId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body()))) {
                in.lines().filter(l -> l.startsWith("event:")).forEach(l -> names.add(l.substring(6).trim()));
            } catch (Exception e) {
                // stream closed at the end of the test
            }
        });
        return names;
    }

    @Test
    void enterpriseCustomerWith25000LicencesGoesThroughTheWholeWorkshop() throws Exception {
        Instant scenarioStart = Instant.now();
        String id = at(Service.ENGAGEMENT).body(engagement("Contoso Ltd", 25_000, true, "OD", "SPO"))
                .post("/api/v1/engagements").then().statusCode(201)
                .body("eligibility.eligible", equalTo(true)).extract().path("id");
        List<String> live = watch(id);
        String base = "/api/v1/engagements/" + id;

        eventually("SSAT matrix 2 services × 4 factors (ssat-service)", () -> at(Service.SSAT).get(base + "/ssat").then().statusCode(200)
                .body("services.service", containsInAnyOrder("OD", "SPO"))
                .body("services.factors.flatten()", hasSize(8))
                .body("services.factors.flatten().status", everyItem(equalTo("NOT_STARTED"))));
        eventually("FTOP tasks 2536, 3718, 3737 and not 3738 (task-service)", () -> at(Service.TASK).queryParam("size", 200).get(base + "/tasks")
                .then().statusCode(200)
                .body("items.ftopTaskId", hasItems(2536, 3718, 3737))
                .body("items.ftopTaskId", not(hasItem(3738))));
        eventually("resource pack with the OneDrive kit (resource-catalog-service)", () -> at(Service.CATALOG).get(base + "/resource-pack")
                .then().statusCode(200)
                .body("sections.items.flatten().address", hasItem("https://aka.ms/OneDriveAdoptionLaunchProgramKit")));

        at(Service.ENGAGEMENT).post(base + "/kickoff/complete").then().statusCode(200);
        at(Service.ENGAGEMENT).body(Map.of("startsAt", Instant.now().plus(14, ChronoUnit.DAYS).toString(), "durationMinutes", 120,
                        "attendees", List.of(Map.of("name", "Aiko Tanaka", "organisation", "Contoso Ltd", "role", "Success owner"))))
                .post(base + "/workshop").then().statusCode(200).body("workshop.state", equalTo("SCHEDULED"));

        Map<String, Object> outcomes = Map.of("successDefined", true, "successPlanOwner", "Aiko Tanaka",
                "communicationChannel", "Microsoft Teams", "checkInCadence", "BIWEEKLY", "levelOfEffort", "Medium");
        at(Service.ENGAGEMENT).body(outcomes).post(base + "/workshop/complete").then().statusCode(409)
                .body("errors.field", containsInAnyOrder("intendedServices.OD", "intendedServices.SPO"));

        for (String factor : List.of("STAKEHOLDERS", "SCENARIOS", "AWARENESS", "TRAINING")) {
            String etag = at(Service.SSAT).get(base + "/ssat").then().statusCode(200).extract().header("ETag");
            at(Service.SSAT).header("If-Match", etag).body(Map.of("status", factor.equals("TRAINING") ? "IN_PROGRESS" : "IN_PLACE"))
                    .put(base + "/ssat/OD/" + factor).then().statusCode(200);
        }
        String etag = at(Service.SSAT).get(base + "/ssat").then().extract().header("ETag");
        at(Service.SSAT).header("If-Match", etag).body(Map.of("reason", "SharePoint is already adopted across the company"))
                .put(base + "/ssat/SPO/no-prerequisites").then().statusCode(200);

        eventually("workshop completes once SSAT readiness reached engagement-service", () ->
                at(Service.ENGAGEMENT).body(outcomes).post(base + "/workshop/complete").then().statusCode(200)
                        .body("workshop.state", equalTo("COMPLETED")));
        eventually("task 2536 COMPLETED by WorkshopCompleted (task-service)", () -> at(Service.TASK).queryParam("size", 200).get(base + "/tasks")
                .then().body("items.find { it.ftopTaskId == 2536 }.status", equalTo("COMPLETED")));
        eventually("SSAT snapshot taken at the workshop (ssat-service)", () -> at(Service.SSAT).get(base + "/ssat/snapshot").then().statusCode(200));
        eventually("'Introduce adoption SME' task for the eligible customer", () -> at(Service.TASK).queryParam("size", 200).get(base + "/tasks")
                .then().body("items.kind", hasItem("ADOPTION_SME")));
        eventually("enterprise appendix in the pack (eligible)", () -> at(Service.CATALOG).get(base + "/resource-pack").then()
                .body("sections.items.flatten().address", hasItem("https://technet.microsoft.com/en-us/library/mt750539.aspx")));
        eventually("overview shows SSAT recorded and task progress", () -> at(Service.ENGAGEMENT).get(base + "/overview").then().statusCode(200)
                .body("ssat.allRecorded", equalTo(true))
                .body("tasks.mandatoryDone", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("eligibleForEnhancedAdoptionService", equalTo(true))
                .body("nextStep", equalTo("INTRODUCE_ADOPTION_SME")));
        eventually("the SSE stream saw each step", () -> assertTrue(live.containsAll(List.of("KICKOFF_COMPLETED", "WORKSHOP_SCHEDULED",
                "SSAT_READINESS_CHANGED", "WORKSHOP_COMPLETED")), "seen: " + live));

        // Outcomes: the success plan. A gap recorded in SSAT proposes the action that closes it.
        String ssatEtag = at(Service.SSAT).get(base + "/ssat").then().extract().header("ETag");
        at(Service.SSAT).header("If-Match", ssatEtag).body(Map.of("status", "GAP_IDENTIFIED", "gap", "No training for floor managers"))
                .put(base + "/ssat/OD/TRAINING").then().statusCode(200);
        String actionId = at(Service.SSAT).queryParam("status", "PROPOSED").get(base + "/success-plan").then().statusCode(200)
                .body("actions", hasSize(1)).body("actions[0].gap", equalTo("No training for floor managers")).extract().path("actions[0].id");
        String action = base + "/success-plan/actions/" + actionId;
        String actionEtag = at(Service.SSAT).get(action).then().statusCode(200).extract().header("ETag");
        actionEtag = at(Service.SSAT).header("If-Match", actionEtag).body(Map.of("title", "Train the floor managers on OneDrive", "service", "OD",
                        "factor", "TRAINING", "owner", Map.of("name", "Aiko Tanaka", "organisation", "Contoso Ltd", "role", "CUSTOMER"),
                        "dueDate", java.time.LocalDate.now().plusDays(30).toString(), "gap", "No training for floor managers"))
                .put(action).then().statusCode(200).extract().header("ETag");
        actionEtag = at(Service.SSAT).header("If-Match", actionEtag).body(Map.of("status", "IN_PROGRESS")).put(action + "/status")
                .then().statusCode(200).extract().header("ETag");
        at(Service.SSAT).header("If-Match", actionEtag).body(Map.of("status", "DONE", "setFactorInPlace", true)).put(action + "/status")
                .then().statusCode(200).body("status", equalTo("DONE"));
        at(Service.SSAT).get(base + "/ssat").then().body("services.find { it.service == 'OD' }.factors.find { it.factor == 'TRAINING' }.status",
                equalTo("IN_PLACE"));
        String checklistEtag = at(Service.SSAT).get(base + "/success-plan/checklist").then().statusCode(200).extract().header("ETag");
        at(Service.SSAT).header("If-Match", checklistEtag).body(Map.of("state", "CHECKED")).put(base + "/success-plan/checklist/items/SUCCESS_DEFINED")
                .then().statusCode(200).body("completenessPercent", equalTo(10));
        eventually("plan 100 % done and checklist 10 % in the FM's overview (engagement-service)", () -> at(Service.ENGAGEMENT)
                .get(base + "/overview").then().statusCode(200)
                .body("successPlan.percentDone", equalTo(100)).body("successPlan.checklistCompletenessPercent", equalTo(10)));

        // Next steps: a check-in reviews the checklist and the plan; the next one follows the agreed BIWEEKLY cadence.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        at(Service.ENGAGEMENT).body(Map.of("heldOn", today.toString(), "decisions", List.of("Start the Teams pilot next")))
                .post(base + "/check-ins/held").then().statusCode(201)
                .body("reviewed.planPercentDone", equalTo(100)).body("reviewed.checklistCompletenessPercent", equalTo(10))
                .body("nextDate", equalTo(today.plusDays(14).toString()));
        at(Service.ENGAGEMENT).get(base + "/overview").then().body("lastCheckIn", equalTo(today.toString()));

        // Measuring success: the customer's M365 usage report (as the admin center exports it) becomes a measurement.
        String metric = at(Service.SSAT).body(Map.of("service", "OD", "kind", "ACTIVE_USAGE_PERCENT", "name", "OneDrive active users",
                "unit", "%", "baseline", 5, "target", 40)).post(base + "/success-metrics").then().statusCode(201).extract().path("id");
        byte[] report = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../../ssat-service/src/test/resources/usage-reports/office365-services-user-counts.csv"));
        at(Service.SSAT).contentType("text/csv").body(report).post(base + "/success-metrics/usage-reports").then().statusCode(200)
                .body("measurementsRecorded", equalTo(1));
        at(Service.SSAT).get(base + "/success-metrics/" + metric).then().body("latestValue", equalTo(38.0f));

        // What the customer takes home.
        String md = at(Service.SSAT).accept("text/markdown").get(base + "/success-plan/document").then().statusCode(200).extract().asString();
        assertTrue(md.contains("Train the floor managers on OneDrive") && md.contains("OneDrive active users"), md);
        byte[] docx = at(Service.SSAT).accept("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .get(base + "/success-plan/document").then().statusCode(200).extract().asByteArray();
        assertTrue(docx.length > 1000 && docx[0] == 'P' && docx[1] == 'K', "a DOCX is a zip package");
        String series = at(Service.ENGAGEMENT).accept("text/calendar").get(base + "/check-ins.ics").then().statusCode(200).extract().asString();
        assertTrue(series.contains("RRULE:FREQ=WEEKLY;INTERVAL=2") && series.contains("BEGIN:VEVENT"), series);
        String workshopIcs = at(Service.ENGAGEMENT).accept("text/calendar").get(base + "/workshop.ics").then().statusCode(200).extract().asString();
        assertTrue(workshopIcs.contains("SEQUENCE:0") && workshopIcs.contains("Customer Success Workshop"), workshopIcs);
        System.out.printf("[system] scenario 1 (enterprise, 25,000 licences) end to end: %d ms%n",
                Duration.between(scenarioStart, Instant.now()).toMillis());
    }

    @Test
    void smallCustomerGetsCheckInTasksInsteadOfAnAdoptionSme() {
        Instant scenarioStart = Instant.now();
        String id = at(Service.ENGAGEMENT).body(engagement("Fabrikam", 5_000, false, "OD", "TEAMS"))
                .post("/api/v1/engagements").then().statusCode(201)
                .body("eligibility.eligible", equalTo(false)).extract().path("id");
        String base = "/api/v1/engagements/" + id;
        eventually("check-in tasks for a customer that is not eligible (task-service)", () -> at(Service.TASK).queryParam("size", 200).get(base + "/tasks")
                .then().statusCode(200)
                .body("items.kind", hasItem("CHECK_IN"))
                .body("items.kind", not(hasItem("ADOPTION_SME"))));
        eventually("no enterprise appendix in the pack (not eligible)", () -> at(Service.CATALOG).get(base + "/resource-pack").then().statusCode(200)
                .body("sections.items.flatten().address", not(hasItem("https://technet.microsoft.com/en-us/library/mt750539.aspx"))));
        at(Service.ENGAGEMENT).get(base + "/overview").then().statusCode(200).body("nextStep", equalTo("SCHEDULE_REGULAR_CHECK_INS"));
        System.out.printf("[system] scenario 2 (5,000 licences, not enterprise) end to end: %d ms%n",
                Duration.between(scenarioStart, Instant.now()).toMillis());
    }

    @Test
    void oneTraceFollowsARequestThroughTheOutboxAndKafkaIntoEveryConsumer() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        at(Service.ENGAGEMENT).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(engagement("Traced Ltd", 900, false, "OD")).post("/api/v1/engagements").then().statusCode(201);
        eventually("one trace with spans of all four services in the test exporter", () ->
                org.junit.jupiter.api.Assertions.assertEquals(
                        java.util.Set.of("engagement-service", "ssat-service", "task-service", "resource-catalog-service"),
                        traces.services(traceId), "services seen in trace " + traceId));
    }

    @Test
    void anotherPartnerSeesNothingInAnyService() {
        String id = at(Service.ENGAGEMENT).body(engagement("Northwind", 800, false, "OD")).post("/api/v1/engagements")
                .then().statusCode(201).extract().path("id");
        String base = "/api/v1/engagements/" + id;
        eventually("the SSAT matrix exists for its owner", () -> at(Service.SSAT).get(base + "/ssat").then().statusCode(200));
        String other = stack.token("partner-other", "fasttrack-manager");
        Consumer<Service> denied = s -> RestAssured.given().baseUri(stack.url(s)).auth().oauth2(other).get(base + switch (s) {
            case ENGAGEMENT -> "";
            case SSAT -> "/ssat";
            case TASK -> "/tasks";
            case CATALOG -> "/resource-pack";
        }).then().statusCode(404);
        for (Service s : Service.values()) {
            denied.accept(s);
        }
    }
}
