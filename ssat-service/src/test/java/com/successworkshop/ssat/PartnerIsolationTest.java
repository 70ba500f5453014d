package com.successworkshop.ssat;

import com.successworkshop.ssat.support.Api;
import com.successworkshop.ssat.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static com.successworkshop.ssat.support.Api.ssat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * ssat-service's queries name no partner: the kit's partner filter alone keeps partner B away from partner A's SSAT
 * matrix, its gaps, its success metrics and the readiness dashboard, while the consumer (no request) built A's matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class PartnerIsolationTest {

    @Test
    void partnerBReachesNoneOfPartnerAsSsat() {
        String a = Api.partner();
        String b = Api.partner();
        UUID engagement = Api.matrix(a, "OD");
        String etag = Api.etag(a, engagement);

        manager(b).get(ssat(engagement)).then().statusCode(404);
        manager(b).get(ssat(engagement) + "/gaps").then().statusCode(404);
        manager(b).get("/api/v1/engagements/" + engagement + "/success-metrics").then().statusCode(404);
        manager(b).header("If-Match", etag).contentType("application/json").body("{\"status\":\"IN_PLACE\"}")
                .put(ssat(engagement) + "/OD/STAKEHOLDERS").then().statusCode(404);
        manager(b).get("/api/v1/ssat/readiness").then().statusCode(200).body("items.engagementId", not(hasItem(engagement.toString())));

        manager(a).get(ssat(engagement)).then().statusCode(200).body("partnerId", equalTo(a))
                .body("services[0].factors.find { it.factor == 'STAKEHOLDERS' }.status", equalTo("NOT_STARTED"));
        manager(a).get("/api/v1/ssat/readiness").then().statusCode(200).body("items.engagementId", hasItem(engagement.toString()));
    }
}
