package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A UI's view of Server-Sent Events: live entries as they happen, and a resume with Last-Event-ID. */
@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/api/v1/engagements")
    URL base;

    /** Reads SSE "event:" names until {@code count} have arrived. */
    private CompletableFuture<List<String>> listen(String path, String partner, String lastEventId, int count) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + Tokens.manager(partner)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            req.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return CompletableFuture.supplyAsync(() -> {
            List<String> names = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body()))) {
                String line;
                while (names.size() < count && (line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        names.add(line.substring(6).trim());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return names;
        });
    }

    @Test
    void aStreamSeesEachStepAndResumesFromLastEventId() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD"));
        CompletableFuture<List<String>> engagementStream = listen("/" + id + "/events", partner, null, 2);
        CompletableFuture<List<String>> partnerStream = listen("/events", partner, null, 1);
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        manager(partner).body(java.util.Map.of("cadence", "MONTHLY", "nextDate", "2030-01-01")).post("/api/v1/engagements/" + id + "/check-ins")
                .then().statusCode(200);
        assertEquals(List.of("KICKOFF_COMPLETED", "CHECK_IN_SCHEDULED"), engagementStream.get(20, TimeUnit.SECONDS));
        assertEquals(List.of("KICKOFF_COMPLETED"), partnerStream.get(20, TimeUnit.SECONDS));

        List<Integer> ids = manager(partner).get("/api/v1/engagements/" + id + "/timeline").then().extract().path("items.id");
        List<String> kinds = manager(partner).get("/api/v1/engagements/" + id + "/timeline").then().extract().path("items.kind");
        int kickoff = ids.get(kinds.indexOf("KICKOFF_COMPLETED"));
        List<String> resumed = listen("/" + id + "/events", partner, String.valueOf(kickoff), 1).get(20, TimeUnit.SECONDS);
        assertEquals(List.of("CHECK_IN_SCHEDULED"), resumed, "only what came after Last-Event-ID");
    }

    @Test
    void anotherPartnersStreamIsNotFound() throws Exception {
        String id = Api.create(Api.partner(), engagement("Contoso", 500, false, "OD"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/events"))
                .header("Authorization", "Bearer " + Tokens.manager(Api.partner())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    }

    /** Reads "id:" lines of an open stream until {@code count} have arrived. */
    private static CompletableFuture<List<Long>> ids(HttpResponse<java.io.InputStream> response, int count) {
        return CompletableFuture.supplyAsync(() -> {
            List<Long> ids = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body()))) {
                String line;
                while (ids.size() < count && (line = in.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        ids.add(Long.parseLong(line.substring(3).trim()));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }

    @Test
    void aTicketOpensOneStreamForABrowserThatCannotSendAuthorization() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 500, false, "OD"));
        String ticket = manager(partner).post("/api/v1/engagements/events/tickets").then().statusCode(201)
                .body("expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("ticket");
        URI stream = URI.create(base + "/" + id + "/events?ticket=" + ticket);
        HttpResponse<java.io.InputStream> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, opened.statusCode());
        CompletableFuture<List<Long>> seen = ids(opened, 1);
        manager(partner).post("/api/v1/engagements/" + id + "/kickoff/complete").then().statusCode(200);
        assertEquals(1, seen.get(20, TimeUnit.SECONDS).size());

        HttpResponse<String> reused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, reused.statusCode(), "a ticket opens one stream");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/events?ticket=forged"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
        String otherTicket = manager(Api.partner()).post("/api/v1/engagements/events/tickets").then().statusCode(201).extract().path("ticket");
        HttpResponse<String> otherPartner = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/events?ticket=" + otherTicket))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, otherPartner.statusCode(), "a ticket carries its partner's scope");
    }

    @Test
    void changesMadeAtTheSameTimeArriveInIdOrderSoAResumeLosesNothing() throws Exception {
        String partner = Api.partner();
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            engagements.add(Api.create(partner, engagement("Fabrikam " + i, 500, false, "OD")));
        }
        HttpResponse<java.io.InputStream> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Authorization", "Bearer " + Tokens.manager(partner)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<List<Long>> seen = ids(opened, 8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
        for (String e : engagements) {
            writes.add(pool.submit(() -> {
                manager(partner).post("/api/v1/engagements/" + e + "/kickoff/complete").then().statusCode(200);
                manager(partner).body(java.util.Map.of("cadence", "MONTHLY", "nextDate", "2030-01-01"))
                        .post("/api/v1/engagements/" + e + "/check-ins").then().statusCode(200);
            }));
        }
        for (var w : writes) {
            w.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Long> live = seen.get(20, TimeUnit.SECONDS);
        assertEquals(live.stream().sorted().distinct().toList(), live, "strictly increasing ids: " + live);

        HttpResponse<java.io.InputStream> resumed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Authorization", "Bearer " + Tokens.manager(partner)).header("Accept", "text/event-stream")
                .header("Last-Event-ID", String.valueOf(live.get(2))).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(live.subList(3, 8), ids(resumed, 5).get(20, TimeUnit.SECONDS), "a resume after the third id replays the rest, in order");
    }
}
