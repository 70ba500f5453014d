package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import com.successworkshop.system.OpenApi.Answer;
import com.successworkshop.system.OpenApi.Op;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security and limits against the four packaged services (one stack for the class):
 * <ul>
 * <li>BOLA/BFLA matrix: every operation of every service's OpenAPI document × no token, a forged token, and each role
 * of the own and of another partner → the status the {@code @RolesAllowed} table below expects.</li>
 * <li>Fuzzing: malformed and boundary requests generated from the OpenAPI documents ({@link Fuzzer}); no 5xx, every
 * error problem+json, nothing written by a rejected request.</li>
 * <li>Limits: page size cap, body size cap (with and without Content-Length).</li>
 * </ul>
 * The write rate limit is switched off here (it has its own test, {@link LimitsIT}). CI profile: at most 45 fuzz requests
 * per operation (~1,600); {@code -Dfuzz.long=true} raises that to 1,000 (every candidate), {@code -Dfuzz.seed=N} changes the seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    static final String FM = "fasttrack-manager", PV = "partner-viewer", CA = "catalog-admin", OPS = "ops";
    static final List<String> ROLES = List.of(FM, PV, CA, OPS);

    /** Whose record the operation touches: an engagement's (another partner's is a 404), a partner-scoped list, or the shared catalogs. */
    enum Scope { OWNED, LIST, CATALOG }

    record Rule(Scope scope, Set<String> roles) {
    }

    /** Expected access, written from the resources' @RolesAllowed (not from what the server answers). */
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // engagement-service: EngagementResource, SuccessWorkshopResource (class-level FM), OverviewResource, LiveUpdatesResource
        rule("listEngagements", Scope.LIST, FM, PV);
        rule("createEngagement", Scope.LIST, FM);
        rule("getEngagement", Scope.OWNED, FM, PV);
        rule("updateEngagement", Scope.OWNED, FM);
        rule("addIntendedService", Scope.OWNED, FM);
        rule("updateIntendedService", Scope.OWNED, FM);
        rule("removeIntendedService", Scope.OWNED, FM);
        rule("getEligibilityHistory", Scope.OWNED, FM, PV);
        rule("decideEligibility", Scope.OWNED, FM);
        rule("scheduleCheckIns", Scope.OWNED, FM);
        rule("listUpcomingCheckIns", Scope.OWNED, FM, PV);
        rule("recordCheckIn", Scope.OWNED, FM);
        rule("getWorkshopCalendar", Scope.OWNED, FM, PV);
        rule("getCheckInCalendar", Scope.OWNED, FM, PV);
        rule("listCheckInsHeld", Scope.OWNED, FM, PV);
        rule("getCheckInHeld", Scope.OWNED, FM, PV);
        rule("getTimeline", Scope.OWNED, FM, PV);
        rule("completeKickoff", Scope.OWNED, FM);
        rule("scheduleWorkshop", Scope.OWNED, FM);
        rule("rescheduleWorkshop", Scope.OWNED, FM);
        rule("cancelWorkshop", Scope.OWNED, FM);
        rule("completeWorkshop", Scope.OWNED, FM);
        rule("getEngagementOverview", Scope.OWNED, FM, PV);
        rule("streamEngagementEvents", Scope.OWNED, FM, PV);
        rule("streamPartnerEvents", Scope.LIST, FM, PV);
        rule("issueStreamTicket", Scope.LIST, FM, PV);
        // ssat-service: SsatResource, SuccessMetricResource, ReadinessResource
        rule("getSsatMatrix", Scope.OWNED, FM, PV);
        rule("updateSsatFactor", Scope.OWNED, FM);
        rule("markNoPrerequisites", Scope.OWNED, FM);
        rule("clearNoPrerequisites", Scope.OWNED, FM);
        rule("listSsatGaps", Scope.OWNED, FM, PV);
        rule("getSsatSnapshot", Scope.OWNED, FM, PV);
        rule("createSuccessMetric", Scope.OWNED, FM);
        rule("listSuccessMetrics", Scope.OWNED, FM, PV);
        rule("getSuccessMetric", Scope.OWNED, FM, PV);
        rule("updateSuccessMetric", Scope.OWNED, FM);
        rule("deleteSuccessMetric", Scope.OWNED, FM);
        rule("addMeasurement", Scope.OWNED, FM);
        rule("importUsageReport", Scope.OWNED, FM);
        rule("getSuccessPlan", Scope.OWNED, FM, PV);
        rule("addSuccessPlanAction", Scope.OWNED, FM);
        rule("getSuccessPlanAction", Scope.OWNED, FM, PV);
        rule("updateSuccessPlanAction", Scope.OWNED, FM);
        rule("changeSuccessPlanActionStatus", Scope.OWNED, FM);
        rule("getSuccessChecklist", Scope.OWNED, FM, PV);
        rule("getSuccessPlanDocument", Scope.OWNED, FM, PV);
        rule("markSuccessChecklistItem", Scope.OWNED, FM);
        rule("listMeasurements", Scope.OWNED, FM, PV);
        rule("getSuccessReviewReadiness", Scope.OWNED, FM, PV);
        rule("listSsatReadiness", Scope.LIST, FM, PV);
        // task-service: TaskResource, TaskTemplateResource
        rule("listEngagementTasks", Scope.OWNED, FM, PV, OPS);
        rule("listMyTasks", Scope.LIST, FM, PV, OPS);
        rule("getTask", Scope.OWNED, FM, PV, OPS);
        rule("updateTask", Scope.OWNED, FM, OPS);
        rule("listTaskTemplates", Scope.CATALOG, CA, FM, PV, OPS);
        rule("getTaskTemplate", Scope.CATALOG, CA, FM, PV, OPS);
        rule("createTaskTemplate", Scope.CATALOG, CA);
        rule("editTaskTemplate", Scope.CATALOG, CA);
        rule("publishTaskTemplate", Scope.CATALOG, CA);
        rule("retireTaskTemplate", Scope.CATALOG, CA);
        rule("importTaskTemplates", Scope.CATALOG, CA);
        // resource-catalog-service: ResourceLinkResource, ResourcePackResource
        rule("getResourcePack", Scope.OWNED, FM, PV);
        rule("listResources", Scope.CATALOG, FM, PV, CA, OPS);
        rule("getResource", Scope.CATALOG, FM, PV, CA, OPS);
        rule("createResource", Scope.CATALOG, CA);
        rule("updateResource", Scope.CATALOG, CA);
        rule("retireResource", Scope.CATALOG, CA);
    }

    /** Operations whose own-partner read may be a 404 for a reason other than access (a snapshot exists only after the workshop). */
    static final Set<String> MAY_BE_ABSENT = Set.of("getSsatSnapshot", "getWorkshopCalendar");

    private static void rule(String operationId, Scope scope, String... roles) {
        RULES.put(operationId, new Rule(scope, Set.of(roles)));
    }

    static Stack stack;
    static List<Op> ops;
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String A = "sec-a-" + RUN, B = "sec-b-" + RUN;
    static final String SECRET = "Secret Customer " + RUN;
    static String engagementId, taskId, metricId, templateId, resourceId, actionId, checkInId;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.start(EnumSet.allOf(Service.class), Map.of("WRITE_RATE_LIMIT_PER_SECOND", "0"));
        stack.startupTimes().forEach((s, d) -> System.out.printf("[security] %s ready %d ms after launch%n", s, d.toMillis()));
        ops = OpenApi.load(stack);
        String fm = stack.token(A, FM);
        Answer created = call(Service.ENGAGEMENT, "POST", "/api/v1/engagements", fm, Map.of(),
                "{\"customerName\":\"" + SECRET + "\",\"fastTrackManager\":\"fm@" + A + "\",\"licenceCount\":25000,\"enterprise\":true,"
                        + "\"intendedServices\":[{\"workload\":\"OD\"},{\"workload\":\"SPO\"}]}");
        assertEquals(201, created.status(), created.body());
        engagementId = OpenApi.JSON.readTree(created.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                call(Service.SSAT, "GET", "/api/v1/engagements/" + engagementId + "/ssat", fm, Map.of(), null).status() == 200
                        && call(Service.CATALOG, "GET", "/api/v1/engagements/" + engagementId + "/resource-pack", fm, Map.of(), null).status() == 200
                        && tree(call(Service.TASK, "GET", "/api/v1/engagements/" + engagementId + "/tasks", fm, Map.of(), null)).path("items").size() > 0);
        taskId = tree(call(Service.TASK, "GET", "/api/v1/engagements/" + engagementId + "/tasks", fm, Map.of(), null)).path("items").get(0).path("id").asText();
        Answer metric = call(Service.SSAT, "POST", "/api/v1/engagements/" + engagementId + "/success-metrics", fm, Map.of(),
                "{\"service\":\"OD\",\"name\":\"Active users\",\"baseline\":10,\"target\":80}");
        assertEquals(201, metric.status(), metric.body());
        metricId = tree(metric).path("id").asText();
        Answer action = call(Service.SSAT, "POST", "/api/v1/engagements/" + engagementId + "/success-plan/actions", fm, Map.of(),
                "{\"title\":\"Run the OneDrive champions programme\",\"service\":\"OD\",\"factor\":\"AWARENESS\"}");
        assertEquals(201, action.status(), action.body());
        actionId = tree(action).path("id").asText();
        Answer cadence = call(Service.ENGAGEMENT, "POST", "/api/v1/engagements/" + engagementId + "/check-ins", fm, Map.of(),
                "{\"cadence\":\"WEEKLY\",\"nextDate\":\"" + java.time.LocalDate.now().plusDays(1) + "\"}");
        assertEquals(200, cadence.status(), cadence.body());
        Answer held = call(Service.ENGAGEMENT, "POST", "/api/v1/engagements/" + engagementId + "/check-ins/held", fm, Map.of(),
                "{\"heldOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}");
        assertEquals(201, held.status(), held.body());
        checkInId = tree(held).path("id").asText();
        String admin = stack.token(A, CA);
        JsonNode templates = tree(call(Service.TASK, "GET", "/api/v1/task-templates?size=1", admin, Map.of(), null)).path("items");
        templateId = templates.size() > 0 ? templates.get(0).path("id").asText() : null;
        JsonNode resources = tree(call(Service.CATALOG, "GET", "/api/v1/resources?size=1", admin, Map.of(), null)).path("items");
        resourceId = resources.size() > 0 ? resources.get(0).path("id").asText() : null;
        if (resourceId == null) {
            Answer r = call(Service.CATALOG, "POST", "/api/v1/resources", admin, Map.of(), body(op("createResource")));
            assertEquals(201, r.status(), r.body());
            resourceId = tree(r).path("id").asText();
        }
        if (templateId == null) {
            Answer r = call(Service.TASK, "POST", "/api/v1/task-templates", admin, Map.of(), body(op("createTaskTemplate")));
            assertEquals(201, r.status(), r.body());
            templateId = tree(r).path("id").asText();
        }
        System.out.printf("[security] %d operations in the OpenAPI documents; engagement %s, task %s, metric %s, template %s, resource %s%n",
                ops.size(), engagementId, taskId, metricId, templateId, resourceId);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyOperationHasAnAccessRule() {
        List<String> missing = ops.stream().map(Op::operationId).filter(id -> !RULES.containsKey(id)).toList();
        assertTrue(missing.isEmpty(), "operations without an expected-access rule: " + missing);
        List<String> gone = RULES.keySet().stream().filter(id -> ops.stream().noneMatch(o -> o.operationId().equals(id))).toList();
        assertTrue(gone.isEmpty(), "rules for operations the OpenAPI documents do not list: " + gone);
    }

    @Test
    @Order(2)
    void accessMatrix() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        String forged = forge(stack.token(A, FM, PV, CA, OPS));
        for (Op op : ops) {
            Rule rule = RULES.get(op.operationId());
            if (rule == null) {
                continue;
            }
            String path = path(op, Map.of());
            String body = body(op);
            Map<String, String> headers = op.isWrite() ? Map.of("If-Match", "\"999\"") : Map.of();
            checked += expect(failures, op, "no token", send(op, path, null, headers, body), 401);
            checked += expect(failures, op, "forged token", send(op, path, forged, headers, body), 401);
            for (String role : ROLES) {
                for (String partner : List.of(A, B)) {
                    String who = role + "@" + (partner.equals(A) ? "own" : "other") + " partner";
                    Answer a = send(op, path, stack.token(partner, role), headers, body);
                    checked++;
                    if (!rule.roles().contains(role)) {
                        expect(failures, op, who, a, 403);
                    } else if (partner.equals(B) && rule.scope() == Scope.OWNED) {
                        expect(failures, op, who, a, 404);
                        if (a.body().contains(SECRET)) {
                            failures.add(op + " as " + who + ": the answer carries the other partner's data: " + a.body());
                        }
                    } else {
                        boolean ok = a.status() < 500 && a.status() != 401 && a.status() != 403
                                && (a.status() != 404 || MAY_BE_ABSENT.contains(op.operationId()))
                                && (op.isWrite() || a.status() == 200 || MAY_BE_ABSENT.contains(op.operationId()));
                        if (!ok) {
                            failures.add(op + " as " + who + ": expected to be let in, got " + a.status() + " " + a.body());
                        }
                        if (partner.equals(B) && rule.scope() == Scope.LIST && (a.body().contains(SECRET) || a.body().contains(engagementId))) {
                            failures.add(op + " as " + who + ": lists the other partner's engagement: " + a.body());
                        }
                        problemIfError(failures, op, who, a);
                    }
                }
            }
        }
        System.out.printf("[security] access matrix: %d operations × (no token, forged token, %d roles × own/other partner) = %d combinations checked, %d failures%n",
                RULES.size(), ROLES.size(), checked, failures.size());
        failures.forEach(f -> System.out.println("[security] FAIL " + f));
        assertTrue(failures.isEmpty(), () -> failures.size() + " access failures, first: " + failures.get(0));
    }

    @Test
    @Order(3)
    void fuzzedRequestsAreRejectedCleanlyAndWriteNothing() throws Exception {
        Fuzzer fuzzer = new Fuzzer(stack, ops, stack.token(A, FM, PV, CA, OPS), SecurityIT::path, SecurityIT::body, SecurityIT::fingerprint);
        Fuzzer.Report report = fuzzer.run(Long.getLong("fuzz.seed", 20260409L), Boolean.getBoolean("fuzz.long") ? 1000 : 45);
        report.print();
        assertTrue(report.failures().isEmpty(), report.failures().size() + " fuzz failures, first: "
                + (report.failures().isEmpty() ? "" : report.failures().get(0)));
    }

    @Test
    @Order(4)
    void pageSizeAbove200IsA400AndBodiesAbove256KbAre413EvenWithoutContentLength() throws Exception {
        String fm = stack.token(A, FM, PV, CA, OPS);
        Map<Service, String> lists = Map.of(Service.ENGAGEMENT, "/api/v1/engagements", Service.SSAT, "/api/v1/ssat/readiness",
                Service.TASK, "/api/v1/tasks", Service.CATALOG, "/api/v1/resources");
        for (Service s : Service.values()) {
            String list = lists.get(s);
            assertEquals(200, call(s, "GET", list + "?size=200", fm, Map.of(), null).status(), list);
            Answer over = call(s, "GET", list + "?size=201", fm, Map.of(), null);
            assertEquals(400, over.status(), list + " " + over.body());
            assertTrue(over.isProblem() && over.body().contains("size"), over.body());
        }
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        for (Service s : Service.values()) {
            String p = switch (s) {
                case ENGAGEMENT -> "/api/v1/engagements";
                case SSAT -> "/api/v1/engagements/" + engagementId + "/success-metrics";
                case TASK -> "/api/v1/task-templates";
                case CATALOG -> "/api/v1/resources";
            };
            byte[] body = s == Service.TASK ? new byte[2 * 1024 * 1024] : big;
            java.util.Arrays.fill(body, (byte) ' ');
            for (boolean chunked : new boolean[] {false, true}) {
                HttpRequest.BodyPublisher pub = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
                HttpRequest post = HttpRequest.newBuilder(URI.create(stack.url(s) + p)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + fm).header("Content-Type", "application/json").POST(pub).build();
                Answer a;
                try {
                    a = OpenApi.send(post);
                } catch (java.io.IOException reset) {
                    if (!chunked) {
                        throw reset;
                    }
                    // Known gap: RESTEasy Reactive closes the connection right after its chunked-body 413, without reading
                    // what the client still sends, so the client may see the reset before the 413 (seen once in ~40 CI runs).
                    // The body was refused all the same: the service still answers, and the next request on it is fine.
                    System.out.println("[security] KNOWN " + s + ": chunked body over the cap → connection closed before the 413 was read (" + reset.getMessage() + ")");
                    assertEquals(200, call(s, "GET", lists.get(s) + "?size=1", fm, Map.of(), null).status(), s + " answers after the reset");
                    continue;
                }
                assertEquals(413, a.status(), s + (chunked ? " chunked " : " ") + a.body());
                if (chunked && !a.isProblem()) {
                    // Known gap: a chunked body over the cap is refused by RESTEasy Reactive's input handler with a bare 413.
                    System.out.println("[security] KNOWN " + s + ": chunked body over the cap → 413 without a problem+json body");
                    continue;
                }
                assertTrue(a.isProblem(), s + (chunked ? " chunked" : "") + " 413 is not problem+json: " + a.contentType());
            }
        }
        System.out.println("[security] page size cap (201 → 400) and body cap (413 problem+json with Content-Length; 413 without Content-Length, see KNOWN) hold in all four services");
    }

    // ----------------------------------------------------------------------------------------------------------------

    static Op op(String operationId) {
        return ops.stream().filter(o -> o.operationId().equals(operationId)).findFirst().orElseThrow();
    }

    /** The path with this test's records in it; {@code override} replaces named parameters. */
    static String path(Op op, Map<String, String> override) {
        String p = op.path();
        for (OpenApi.Param prm : op.params()) {
            if (!prm.in().equals("path")) {
                continue;
            }
            String v = override.get(prm.name());
            if (v == null) {
                v = switch (prm.name()) {
                    case "id" -> p.startsWith("/api/v1/task-templates") ? templateId : p.startsWith("/api/v1/resources") ? resourceId : engagementId;
                    case "taskId" -> taskId;
                    case "metricId" -> metricId;
                    case "workload", "service" -> "OD";
                    case "factor" -> "STAKEHOLDERS";
                    case "actionId" -> actionId;
                    case "checkInId" -> checkInId;
                    case "item" -> "SUCCESS_DEFINED";
                    default -> throw new IllegalStateException("no value for path parameter " + prm.name() + " of " + op);
                };
            }
            p = p.replace("{" + prm.name() + "}", v);
        }
        if (op.operationId().equals("listSsatReadiness")) {
            p += "?engagementId=" + engagementId;
        }
        return p;
    }

    /** A valid body for the operation (from its schema's examples), or null when it takes none. */
    static String body(Op op) {
        if (op.bodySchema() == null) {
            return null;
        }
        if (!op.mediaType().contains("json")) {
            return "ftopTaskId\tname\n";
        }
        JsonNode b = OpenApi.example(op.doc(), op.bodySchema(), 0);
        if (b instanceof ObjectNode o) {
            switch (op.operationId()) {
                case "scheduleWorkshop", "rescheduleWorkshop" -> {
                    o.put("startsAt", "2030-01-15T09:00:00Z");
                    o.put("durationMinutes", 120);
                }
                case "createTaskTemplate", "editTaskTemplate" -> o.put("ftopTaskId", 900000 + Math.abs(RUN.hashCode() % 99999));
                case "scheduleCheckIns" -> o.put("nextDate", "2030-01-15");
                default -> {
                }
            }
        }
        return b.toString();
    }

    /** What the API shows of this test's records: totals and ETags. A rejected request must leave it as it was. */
    static List<String> fingerprint() {
        String t = stack.token(A, FM, PV, CA, OPS);
        List<String> f = new ArrayList<>();
        try {
            f.add("engagements " + total(call(Service.ENGAGEMENT, "GET", "/api/v1/engagements?size=1", t, Map.of(), null)));
            f.add("engagement " + call(Service.ENGAGEMENT, "GET", "/api/v1/engagements/" + engagementId, t, Map.of(), null).header("ETag"));
            f.add("ssat " + call(Service.SSAT, "GET", "/api/v1/engagements/" + engagementId + "/ssat", t, Map.of(), null).header("ETag"));
            f.add("metrics " + total(call(Service.SSAT, "GET", "/api/v1/engagements/" + engagementId + "/success-metrics", t, Map.of(), null)));
            f.add("metric " + call(Service.SSAT, "GET", "/api/v1/engagements/" + engagementId + "/success-metrics/" + metricId, t, Map.of(), null).header("ETag"));
            f.add("measurements " + total(call(Service.SSAT, "GET", "/api/v1/engagements/" + engagementId + "/success-metrics/" + metricId + "/measurements", t, Map.of(), null)));
            f.add("tasks " + total(call(Service.TASK, "GET", "/api/v1/engagements/" + engagementId + "/tasks?includeRetired=true", t, Map.of(), null)));
            f.add("task " + call(Service.TASK, "GET", "/api/v1/tasks/" + taskId, t, Map.of(), null).header("ETag"));
            f.add("templates " + total(call(Service.TASK, "GET", "/api/v1/task-templates?allVersions=true&size=1", t, Map.of(), null)));
            f.add("template " + call(Service.TASK, "GET", "/api/v1/task-templates/" + templateId, t, Map.of(), null).header("ETag"));
            f.add("resources " + total(call(Service.CATALOG, "GET", "/api/v1/resources?size=1", t, Map.of(), null)));
            f.add("resource " + call(Service.CATALOG, "GET", "/api/v1/resources/" + resourceId, t, Map.of(), null).header("ETag"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    private static String total(Answer a) throws Exception {
        return a.status() + ":" + tree(a).path("total").asText();
    }

    static int expect(List<String> failures, Op op, String who, Answer a, int status) {
        if (a.status() != status) {
            failures.add(op + " as " + who + ": expected " + status + ", got " + a.status() + " " + a.body());
        }
        problemIfError(failures, op, who, a);
        return 1;
    }

    static void problemIfError(List<String> failures, Op op, String who, Answer a) {
        if (a.status() >= 400 && !a.isProblem()) {
            failures.add(op + " as " + who + ": " + a.status() + " is not application/problem+json but " + a.contentType());
        }
    }

    /** A real token with its claims changed (another partner) and the signature left as it was. */
    static String forge(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(A, B);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static Answer send(Op op, String path, String token, Map<String, String> headers, String body) throws Exception {
        return call(op.service(), op.method(), path, token, headers, body, op.mediaType());
    }

    static Answer call(Service s, String method, String path, String token, Map<String, String> headers, String body) throws Exception {
        return call(s, method, path, token, headers, body, "application/json");
    }

    static Answer call(Service s, String method, String path, String token, Map<String, String> headers, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url(s) + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", type == null ? "application/json" : type);
        }
        headers.forEach(b::header);
        return OpenApi.send(b.build());
    }

    static JsonNode tree(Answer a) throws Exception {
        return OpenApi.JSON.readTree(a.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
