package com.successworkshop.kit.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a client sends them: a bearer token and JSON. A service's test Api extends it with its own calls. */
public class Requests {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    protected Requests() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification manager(String partnerId) {
        return as(Tokens.manager(partnerId));
    }

    public static RequestSpecification admin() {
        return as(Tokens.of("catalog", "catalog-admin"));
    }

    /** A partner of its own per test, so that tests never see each other's records. */
    public static String partner() {
        return "partner-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
