package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Goals 6: Enhanced Adoption Service for an enterprise customer with more than 20,000 licences. */
@QuarkusTest
class EligibilityTest {

    @Test
    void exactly20000LicencesIsNotEligible() {
        manager(Api.partner()).body(engagement("Contoso", 20_000, true, "OD")).post("/api/v1/engagements")
                .then().statusCode(201)
                .body("eligibility.benefit", equalTo("ENHANCED_ADOPTION_SERVICE"))
                .body("eligibility.eligible", equalTo(false))
                .body("eligibility.reasons", hasItem("20000 licences is not > 20000"))
                .body("eligibility.rulesVersion", equalTo("playbook-2020-04-30/greater_than-20000"));
    }

    @Test
    void anEnterpriseWith20001LicencesIsEligible() {
        manager(Api.partner()).body(engagement("Contoso", 20_001, true, "OD")).post("/api/v1/engagements")
                .then().statusCode(201).body("eligibility.eligible", equalTo(true))
                .body("eligibility.reasons", hasItem("20001 licences > 20000"));
    }

    @Test
    void aNonEnterpriseCustomerIsNotEligibleWhateverItsLicences() {
        manager(Api.partner()).body(engagement("Contoso", 90_000, false, "OD")).post("/api/v1/engagements")
                .then().statusCode(201).body("eligibility.eligible", equalTo(false))
                .body("eligibility.reasons", hasItem("customer does not meet the enterprise criteria"));
    }

    @Test
    void changingLicencesDecidesAgainAndPublishesTheDecision() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 20_000, true, "OD"));
        manager(partner).header("If-Match", "\"0\"").body(Map.of("licenceCount", 20_001)).patch("/api/v1/engagements/" + id)
                .then().statusCode(200).body("eligibility.eligible", equalTo(true));
        manager(partner).get("/api/v1/engagements").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.eligibility.eligible", equalTo(true));
        manager(partner).get("/api/v1/engagements/" + id + "/eligibility")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].eligible", equalTo(true)).body("[1].eligible", equalTo(false));

        List<ConsumerRecord<String, String>> events = Events.awaitEvent(id, "EligibilityDetermined");
        ConsumerRecord<String, String> last = com.successworkshop.kit.testing.KafkaTestClient.readUntil(Events.engagementTopic(),
                r -> Events.of(id, "EligibilityDetermined").test(r) && Events.data(r).path("eligible").asBoolean())
                .stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(20_001, Events.data(last).path("licenceCount").asInt());
        assertFalse(Events.data(events.get(events.size() - 1)).path("eligible").asBoolean(), "the first decision (20,000 licences) was not eligible");
    }
}
