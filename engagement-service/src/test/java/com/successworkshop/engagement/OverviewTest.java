package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.engagement.support.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OverviewTest {

    @Test
    void theOverviewCombinesTheEngagementWithTheReadModels() {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso", 25_000, true, "SPO", "OD"));
        manager(partner).get("/api/v1/engagements/" + id + "/overview").then().statusCode(200)
                .body("intendedServices", contains("OD", "SPO"))
                .body("ssat.allRecorded", equalTo(false)).body("ssat.asOf", nullValue())
                .body("eligibleForEnhancedAdoptionService", equalTo(true))
                .body("nextStep", equalTo("INTRODUCE_ADOPTION_SME"));

        Events.ssatReadiness(id, partner, 1, 2, List.of("SPO"));
        KafkaTestClient.sendCloudEvent(TestInfra.topic("task-events"), id, UUID.randomUUID(), "workshop.task.TaskProgressChanged.v1",
                Instant.now(), "{\"engagementId\":\"" + id + "\",\"partnerId\":\"" + partner + "\",\"mandatoryDone\":1,\"mandatoryTotal\":3,\"overdue\":1}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                manager(partner).get("/api/v1/engagements/" + id + "/overview").then().statusCode(200)
                        .body("ssat.servicesRecorded", equalTo(1)).body("ssat.missingServices", contains("SPO"))
                        .body("ssat.asOf", notNullValue())
                        .body("tasks.mandatoryDone", equalTo(1)).body("tasks.mandatoryTotal", equalTo(3)).body("tasks.overdue", equalTo(1)));
        manager(Api.partner()).get("/api/v1/engagements/" + id + "/overview").then().statusCode(404);
    }
}
