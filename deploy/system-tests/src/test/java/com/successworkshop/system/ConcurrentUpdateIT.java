package com.successworkshop.system;

import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * N clients update the same engagement at the same moment with the same If-Match: exactly one wins each version (200),
 * the others get 412 Precondition Failed, and the stored engagement is the winner's (no lost update). Several rounds.
 * Only engagement-service is started (on the shared broker, with its own topics); no Kafka fault here.
 */
class ConcurrentUpdateIT {

    private static final int CLIENTS = Integer.getInteger("concurrency.clients", 8);
    private static final int ROUNDS = Integer.getInteger("concurrency.rounds", 5);
    private static Stack stack;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(EnumSet.of(Service.ENGAGEMENT), Map.of());
        token = stack.token("partner-concurrency", "fasttrack-manager");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static RequestSpecification api() {
        return RestAssured.given().baseUri(stack.url(Service.ENGAGEMENT)).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void exactlyOneWriterWinsEachVersionAndNoUpdateIsLost() throws Exception {
        String id = api().body(Map.of("customerName", "Concurrent Ltd", "fastTrackManager", "fm@partner.example", "licenceCount", 1000,
                        "enterprise", false,
                        "dibs", Map.of("dueDate", "2027-06-30", "intent", "Adopt Microsoft 365",
                                "businessReason", "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner", "CIO"),
                        "intendedServices", List.of(Map.of("workload", "OD"))))
                .post("/api/v1/engagements").then().statusCode(201).extract().path("id");
        String url = "/api/v1/engagements/" + id;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        int totalWins = 0;
        int totalStale = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Response before = api().get(url);
                String etag = before.header("ETag");
                CyclicBarrier together = new CyclicBarrier(CLIENTS);
                List<Future<Response>> answers = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String name = "Round " + round + " client " + c;
                    int licences = 1000 + round * 100 + c;
                    answers.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return api().header("If-Match", etag).body(Map.of("customerName", name, "licenceCount", licences)).patch(url);
                    }));
                }
                List<Response> winners = new ArrayList<>();
                int stale = 0;
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> f : answers) {
                    Response r = f.get(60, TimeUnit.SECONDS);
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 200) {
                        winners.add(r);
                    } else if (r.statusCode() == 412) {
                        assertEquals("application/problem+json", r.contentType().split(";")[0], "412 is problem+json");
                        stale++;
                    }
                }
                System.out.printf("[concurrency] round %d: %d clients with If-Match %s → %d × 200, %d × 412 %s%n", round, CLIENTS, etag,
                        winners.size(), stale, statuses);
                assertEquals(1, winners.size(), "exactly one 200 per version: " + statuses);
                assertEquals(CLIENTS - 1, stale, "every other client gets 412: " + statuses);
                Response winner = winners.get(0);
                Response after = api().get(url);
                assertEquals(200, after.statusCode());
                assertEquals(winner.jsonPath().getString("customerName"), after.jsonPath().getString("customerName"), "the winner's name is stored");
                assertEquals(winner.jsonPath().getInt("licenceCount"), after.jsonPath().getInt("licenceCount"), "the winner's licences are stored");
                assertEquals(winner.header("ETag"), after.header("ETag"), "the stored version is the winner's");
                assertNotEquals(etag, after.header("ETag"), "the version moved on");
                totalWins++;
                totalStale += stale;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[concurrency] %d rounds × %d clients: %d wins, %d × 412, 0 lost updates%n", ROUNDS, CLIENTS, totalWins, totalStale);
    }
}
