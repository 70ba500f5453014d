package com.successworkshop.catalog.support;

import com.successworkshop.kit.testing.Requests;

import com.successworkshop.kit.testing.Tokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a client sends them: a bearer token and JSON. */
public final class Api extends Requests {

    private Api() {
    }

    public static String tag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid resource body; callers change what they test. */
    public static Map<String, Object> resource(String title, String address, String section, String kind, List<String> services,
                                               String... tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("address", address);
        body.put("description", "Test resource " + title);
        body.put("section", section);
        body.put("services", services);
        body.put("audience", List.of("FASTTRACK_MANAGER", "CUSTOMER"));
        body.put("kind", kind);
        body.put("language", "en");
        body.put("tags", List.of(tags));
        return body;
    }

    /** Creates a resource as catalog admin and returns its id. */
    public static String create(Map<String, Object> body) {
        return admin().body(body).post("/api/v1/resources").then().statusCode(201).extract().path("id");
    }
}
