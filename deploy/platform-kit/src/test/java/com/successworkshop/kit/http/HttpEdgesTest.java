package com.successworkshop.kit.http;

import com.successworkshop.kit.KitTestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a browser page on another origin sees at the edges: 304 for a known ETag, and readable 413s and 429s. */
@QuarkusTest
@QuarkusTestResource(value = KitTestInfra.class, restrictToAnnotatedClass = true)
class HttpEdgesTest {

    static final String PAGE = "https://ui.example";

    @Test
    void ifNoneMatchWithTheCurrentEtagIsNotModified() {
        given().header("If-None-Match", "\"7\"").get("/kit-etag").then().statusCode(304)
                .header("ETag", "\"7\"").body(emptyString());
        given().header("If-None-Match", "W/\"7\"").get("/kit-etag").then().statusCode(304);
        given().header("If-None-Match", "\"6\"").get("/kit-etag").then().statusCode(200).body("title", equalTo("Success workshop agenda"));
    }

    @Test
    void aRateLimited429CarriesCorsHeadersAndRetryAfterABrowserCanRead() {
        Response last = null;
        for (int i = 0; i < 5; i++) {
            last = given().header("Origin", PAGE).body("x").post("/kit-etag");
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        last.then().header("Access-Control-Allow-Origin", PAGE).header("Retry-After", notNullValue())
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anOversizedBody413CarriesCorsHeaders() {
        given().header("Origin", PAGE).body("x".repeat(2048)).post("/kit-etag").then().statusCode(413)
                .header("Access-Control-Allow-Origin", PAGE).body("type", containsString("payload-too-large"));
    }
}
