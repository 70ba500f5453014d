package com.successworkshop.engagement.support;

import com.successworkshop.kit.testing.Requests;

import com.successworkshop.kit.testing.Tokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a client sends them: a bearer token and JSON. */
public final class Api extends Requests {

    private Api() {
    }

    public static Map<String, Object> engagement(String customer, int licences, boolean enterprise, String... services) {
        return Map.of(
                "customerName", customer,
                "customerTenantId", customer.toLowerCase().replace(' ', '-') + ".onmicrosoft.com",
                "fastTrackManager", "fm@partner.example",
                "licenceCount", licences,
                "enterprise", enterprise,
                "dibs", Map.of("dueDate", "2027-03-31", "intent", "Adopt Microsoft 365", "businessReason", "INCREASE_SECURITY",
                        "successOwner", "CIO"),
                "intendedServices", List.of(services).stream().map(s -> Map.of("workload", s)).toList());
    }

    /** Creates an engagement and returns its id. */
    public static String create(String partnerId, Map<String, Object> body) {
        return manager(partnerId).body(body).post("/api/v1/engagements").then().statusCode(201).extract().path("id");
    }
}
