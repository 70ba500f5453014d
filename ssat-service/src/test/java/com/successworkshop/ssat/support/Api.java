package com.successworkshop.ssat.support;

import com.successworkshop.kit.testing.Requests;

import com.successworkshop.kit.testing.Tokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Requests as a client sends them: a bearer token and JSON. */
public final class Api extends Requests {

    private Api() {
    }

    public static String ssat(UUID engagementId) {
        return "/api/v1/engagements/" + engagementId + "/ssat";
    }

    /** Waits until the matrix exists for the partner (the consumer is asynchronous). */
    public static void awaitMatrix(String partnerId, UUID engagementId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                manager(partnerId).get(ssat(engagementId)).then().statusCode(200));
    }

    /** Publishes EngagementCreated and waits for its matrix. */
    public static UUID matrix(String partnerId, String... services) {
        UUID id = Events.engagementCreated(partnerId, services);
        awaitMatrix(partnerId, id);
        return id;
    }

    public static String etag(String partnerId, UUID engagementId) {
        return manager(partnerId).get(ssat(engagementId)).then().statusCode(200).extract().header("ETag");
    }

    /** The status codes of {@code n} requests sent side by side (the i-th made by {@code request.apply(i)}), in order. */
    public static java.util.List<Integer> race(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int which = i;
                answers.add(pool.submit(() -> request.apply(which)));
            }
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (var a : answers) {
                codes.add(a.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
