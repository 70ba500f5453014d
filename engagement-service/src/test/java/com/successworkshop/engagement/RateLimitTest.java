package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The per-client write limit: a burst passes, the next write is a 429 problem+json with Retry-After; reads and other clients are not affected. */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    /** One token every 5 s, bursts of 5: the sixth write in a row is refused however slow the machine is. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("workshop.http.write-rate-limit.per-second", "0.2", "workshop.http.write-rate-limit.burst", "5");
        }
    }

    @Test
    void writesBeyondTheBurstAre429WithRetryAfterWhileReadsAndOtherClientsGoOn() {
        String partner = Api.partner();
        String token = Tokens.of(partner, "fasttrack-manager");
        for (int i = 0; i < 5; i++) {
            // an invalid body: rejected with 400 after the limiter let it through, nothing written
            Api.as(token).body("{}").post("/api/v1/engagements").then().statusCode(400);
        }
        Api.as(token).body("{}").post("/api/v1/engagements").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                // One token back takes 5 s at 0.2/s, less when the five writes above themselves took seconds (a busy machine).
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-5]"))
                .body("status", equalTo(429)).body("instance", equalTo("/api/v1/engagements"));
        Api.as(token).get("/api/v1/engagements").then().statusCode(200);
        Api.as(Tokens.of(Api.partner(), "fasttrack-manager")).body("{}").post("/api/v1/engagements").then().statusCode(400);
    }
}
