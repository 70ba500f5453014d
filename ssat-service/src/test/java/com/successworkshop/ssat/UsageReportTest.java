package com.successworkshop.ssat;

import com.successworkshop.ssat.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Playbook: Measuring success — the customer's M365 usage report, as the admin center exports it, becomes measurements. */
@QuarkusTest
class UsageReportTest {

    private static final String COUNTS = "usage-reports/office365-services-user-counts.csv";
    private static final String DETAIL = "usage-reports/office365-active-user-detail.csv";

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = UsageReportTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static RequestSpecification upload(String partner, byte[] csv) {
        return manager(partner).contentType("text/csv").body(csv);
    }

    private static String metric(String partner, UUID id, String service, String kind) {
        return manager(partner).body(Map.of("service", service, "kind", kind, "name", service + " " + kind, "unit", "%",
                        "baseline", 0, "target", 60, "dueDate", "2027-06-30", "owner", "Aiko Tanaka"))
                .post(metrics(id)).then().statusCode(201).extract().path("id");
    }

    private static String metrics(UUID id) {
        return "/api/v1/engagements/" + id + "/success-metrics";
    }

    private static String reports(UUID id) {
        return metrics(id) + "/usage-reports";
    }

    @Test
    void theServicesUserCountsReportMeasuresActiveUsageOnceEvenWhenImportedTwice() throws IOException {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "TEAMS", "OD", "EXO");
        String teams = metric(partner, id, "TEAMS", "ACTIVE_USAGE_PERCENT");
        String oneDrive = metric(partner, id, "OD", "ACTIVE_USAGE_PERCENT");
        String custom = metric(partner, id, "TEAMS", "CUSTOM");

        upload(partner, fixture(COUNTS)).post(reports(id)).then().statusCode(200)
                .body("layout", equalTo("SERVICES_USER_COUNTS")).body("reportRefreshDate", equalTo("2026-11-30"))
                .body("periodDays", equalTo(30))
                .body("measurementsRecorded", equalTo(2)).body("measurementsAlreadyRecorded", equalTo(0))
                .body("services.find { it.service == 'TEAMS' }.activePercent", equalTo(44.0f))
                .body("services.find { it.service == 'TEAMS' }.users", equalTo(24000))
                .body("services.find { it.service == 'OD' }.activePercent", equalTo(38.0f))
                .body("servicesWithoutMetric", containsInAnyOrder("EXO", "SPO", "YAM"));

        manager(partner).get(metrics(id) + "/" + teams).then().statusCode(200).body("latestValue", equalTo(44.0f));
        manager(partner).get(metrics(id) + "/" + oneDrive).then().statusCode(200).body("latestValue", equalTo(38.0f));
        manager(partner).get(metrics(id) + "/" + custom).then().statusCode(200).body("latestValue", nullValue());
        manager(partner).get(metrics(id) + "/" + teams + "/measurements").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].measuredAt", equalTo("2026-11-30T00:00:00Z"))
                .body("items[0].source", containsString("SERVICES_USER_COUNTS"));

        upload(partner, fixture(COUNTS)).post(reports(id)).then().statusCode(200)
                .body("measurementsRecorded", equalTo(0)).body("measurementsAlreadyRecorded", equalTo(2));
        manager(partner).get(metrics(id) + "/" + teams + "/measurements").then().body("total", equalTo(1));
    }

    @Test
    void thePerUserReportCountsLicensedUsersActiveInThePeriod() throws IOException {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "TEAMS", "OD");
        String teams = metric(partner, id, "TEAMS", "ACTIVE_USAGE_PERCENT");
        String oneDrive = metric(partner, id, "OD", "ACTIVE_USAGE_PERCENT");

        // Teams: 6 licensed and not deleted, 4 active since 2026-10-31; OneDrive: 6 licensed, 3 active.
        upload(partner, fixture(DETAIL)).queryParam("periodDays", 30).post(reports(id)).then().statusCode(200)
                .body("layout", equalTo("ACTIVE_USER_DETAIL"))
                .body("services.find { it.service == 'TEAMS' }.activeUsers", equalTo(4))
                .body("services.find { it.service == 'TEAMS' }.users", equalTo(6))
                .body("services.find { it.service == 'OD' }.activeUsers", equalTo(3))
                .body("services.find { it.service == 'OD' }.users", equalTo(6))
                .body("measurementsRecorded", equalTo(2));
        manager(partner).get(metrics(id) + "/" + teams).then().body("latestValue", equalTo(66.7f));
        manager(partner).get(metrics(id) + "/" + oneDrive).then().body("latestValue", equalTo(50.0f));
    }

    @Test
    void aBrokenReportNamesItsLineAndImportsNothing() throws IOException {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "TEAMS", "OD");
        String teams = metric(partner, id, "TEAMS", "ACTIVE_USAGE_PERCENT");

        // Wrong columns: a different report altogether.
        upload(partner, "Date,Active Users\n2026-11-30,12\n".getBytes(StandardCharsets.UTF_8)).post(reports(id))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 1")).body("errors[0].message", containsString("not a Microsoft 365 usage report"));

        // A bad value far down the per-user report: the good rows above it are not imported either.
        String detail = new String(fixture(DETAIL), StandardCharsets.UTF_8);
        String broken = detail.replace("Hana Kim,False,", "Hana Kim,Maybe,");
        upload(partner, broken.getBytes(StandardCharsets.UTF_8)).post(reports(id)).then().statusCode(400)
                .body("errors.field", hasItem("line 9")).body("errors.message", hasItem(containsString("Is Deleted must be True or False")));

        // A column dropped from the header.
        String noTeams = detail.replace(",Teams Last Activity Date,", ",Teams Last Activity,");
        upload(partner, noTeams.getBytes(StandardCharsets.UTF_8)).post(reports(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("line 1")).body("errors[0].message", containsString("Teams Last Activity Date"));

        // Saved in a legacy code page: the first line with a byte that is not UTF-8 is named.
        byte[] latin1 = detail.replace("Dana Cruz", "Dana Cruz Müller").getBytes(StandardCharsets.ISO_8859_1);
        upload(partner, latin1).post(reports(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("line 5")).body("errors[0].message", containsString("not UTF-8"));

        // Larger than an upload may be (the test profile allows 64 KiB; production 8 MiB).
        byte[] huge = new byte[64 * 1024 + 1];
        upload(partner, huge).post(reports(id)).then().statusCode(413).contentType("application/problem+json")
                .body("type", containsString("payload-too-large"));

        manager(partner).get(metrics(id) + "/" + teams + "/measurements").then().statusCode(200).body("total", equalTo(0))
                .body("items", hasSize(0));
    }

    /** A body sent without a Content-Length (chunked): counted as it is read, JSON at 256 KiB, uploads at their own cap. */
    @Test
    void bodiesWithoutALengthAreCappedToo() throws Exception {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "TEAMS");
        for (String[] target : new String[][] {{metrics(id), "application/json", String.valueOf(300 * 1024)},
                {reports(id), "text/csv", String.valueOf(70 * 1024)}}) {
            byte[] body = new byte[Integer.parseInt(target[2])];
            java.util.Arrays.fill(body, (byte) ' ');
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + target[0]))
                    .header("Authorization", "Bearer " + com.successworkshop.kit.testing.Tokens.manager(partner)).header("Content-Type", target[1])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(413, answer.statusCode(), target[0] + ": " + answer.body());
            org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("payload-too-large"), answer.body());
        }
    }

    @Test
    void aReportForServicesWithoutAnActiveUsageMetricIsRefusedAndAnotherPartnerFindsNothing() throws IOException {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "TEAMS");
        upload(partner, fixture(COUNTS)).post(reports(id)).then().statusCode(409)
                .body("rule", equalTo("usage-report.no-active-usage-metric"));

        metric(partner, id, "TEAMS", "ACTIVE_USAGE_PERCENT");
        upload(Api.partner(), fixture(COUNTS)).post(reports(id)).then().statusCode(404);
    }
}
