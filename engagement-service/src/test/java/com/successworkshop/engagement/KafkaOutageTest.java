package com.successworkshop.engagement;

import com.successworkshop.harness.fault.KafkaBroker;
import com.successworkshop.engagement.support.Api;
import com.successworkshop.engagement.support.Events;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.engagement.support.PrivateKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.successworkshop.engagement.support.Api.engagement;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** Kafka down: writes still succeed, the service stays ready, and the outbox delivers once the broker is back. */
@QuarkusTest
@QuarkusTestResource(value = PrivateKafkaBroker.class, restrictToAnnotatedClass = true)
class KafkaOutageTest {

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsDeliveredAfterItRestarts() throws Exception {
        KafkaBroker broker = PrivateKafkaBroker.current();
        String partner = Api.partner();
        String before = Api.create(partner, engagement("Before outage", 100, false, "OD"));
        KafkaTestClient.readUntil(broker.bootstrap(), Events.engagementTopic(), Events.of(before, "EngagementCreated"), Duration.ofSeconds(30));

        broker.stopBroker();
        String during = Api.create(partner, engagement("During outage", 100, false, "OD"));
        // A send waiting for its acknowledgement reads as unreachable once it is overdue (3 s), well before the
        // producer's own delivery timeout gives up on it: readiness tells the truth while the events wait.
        await().atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'kafka-outbox' }.data.kafkaReachable", equalTo(false))
                        .body("checks.find { it.name == 'kafka-outbox' }.data.outboxPending", greaterThanOrEqualTo(1))
                        .body("checks.find { it.name == 'kafka-outbox' }.data.oldestPendingAgeSeconds", greaterThanOrEqualTo(0)));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        broker.startBroker();
        KafkaTestClient.readUntil(broker.bootstrap(), Events.engagementTopic(), Events.of(during, "EngagementCreated"), Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'kafka-outbox' }.data.outboxPending", equalTo(0))
                        .body("checks.name", hasItem("kafka-outbox")));
    }
}
