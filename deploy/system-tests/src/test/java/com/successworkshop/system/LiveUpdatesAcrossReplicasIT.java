package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production overlay runs three replicas: a UI's live timeline (SSE, {@code GET /api/v1/engagements/{id}/events})
 * must show a change whichever replica committed it. Two engagement-service instances on one database; a stream open on
 * #1; one change through #1, one through #2; both arrive, in id order. (Before the TimelineFeed, the stream was fed by
 * an in-memory broadcast of its own JVM's commits and saw 0 of the changes made through #2.)
 */
class LiveUpdatesAcrossReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static Stack stack;
    private static String token;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The event names the stream on #1 has received so far. */
    private static final List<String> events = new CopyOnWriteArrayList<>();
    /** Their ids. */
    private static final List<Long> ids = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(EnumSet.of(Service.ENGAGEMENT), Map.of(), Map.of(), 2);
        token = stack.token("partner-live-test", "fasttrack-manager");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStreamOnOneInstanceSeesAChangeMadeThroughTheOther() throws Exception {
        String one = stack.url(Service.ENGAGEMENT, 0) + "/api/v1/engagements";
        String two = stack.url(Service.ENGAGEMENT, 1) + "/api/v1/engagements";
        JsonNode created = new Http(token).post(one, Map.of("customerName", "Live customer", "fastTrackManager", "fm@partner.example",
                "licenceCount", 5_000, "enterprise", false,
                "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365",
                        "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner", "CIO"),
                "intendedServices", List.of(Map.of("workload", "OD"))));
        String id = created.get("id").asText();
        client.sendAsync(HttpRequest.newBuilder(URI.create(one + "/" + id + "/events")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(l -> {
                    if (l.startsWith("event:")) {
                        events.add(l);
                    } else if (l.startsWith("id:")) {
                        ids.add(Long.parseLong(l.substring(3).trim()));
                    }
                }));
        Thread.sleep(1_000);

        int throughOne = change(one, id, "Live customer A");
        int throughTwo = change(two, id, "Live customer B");
        System.out.printf("[live] stream open on engagement-service #1: a change through #1 → %d live event(s) within %d s; "
                + "a change through #2 → %d%n", throughOne, WAIT.toSeconds(), throughTwo);
        assertTrue(throughOne > 0, "the probe works: a change through the stream's own instance is seen");
        assertTrue(throughTwo > 0, "a change made through the other replica reaches the stream live");
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "in strictly increasing id order: " + ids);
    }

    /** PATCHes the customer name through the given instance; returns how many events the stream got within WAIT. */
    private static int change(String base, String id, String name) throws Exception {
        int before = events.size();
        HttpResponse<String> got = client.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> patched = client.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", "Bearer " + token)
                .header("If-Match", got.headers().firstValue("ETag").orElseThrow()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"customerName\":\"" + name + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, patched.statusCode(), patched.body());
        Thread.sleep(WAIT.toMillis());
        return events.size() - before;
    }
}
