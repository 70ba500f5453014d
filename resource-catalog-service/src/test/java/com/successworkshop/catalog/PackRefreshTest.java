package com.successworkshop.catalog;

import com.successworkshop.catalog.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.catalog.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.catalog.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Packs follow events: N engagements created through the broker each get their pack, then one catalog retirement
 * reaches every pack (timing is the benchmark's job, deploy/bench.sh). Also: a second Flyway run seeds nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class PackRefreshTest {

    private static final int ENGAGEMENTS = 200;
    private static final String[] SERVICES = {"OD", "SPO", "TEAMS", "EXO", "INTUNE", "M365_APPS"};

    @Inject
    Flyway flyway;
    @Inject
    DataSource dataSource;

    long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> ids(String partner, String engagementId) {
        JsonPath p = Api.manager(partner).get("/api/v1/engagements/" + engagementId + "/resource-pack")
                .then().statusCode(200).extract().jsonPath();
        return p.getList("sections.items.flatten().resourceId", String.class);
    }

    static long version(String partner, String engagementId) {
        return Api.manager(partner).get("/api/v1/engagements/" + engagementId + "/resource-pack")
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void packsFollowEngagementEventsAndCatalogRetirements() throws Exception {
        String tag = Api.tag();
        String resource = Api.create(Api.resource("Everyone's guide " + tag, "https://example.com/" + tag, "AWARENESS_AND_TRAINING",
                "GUIDE", List.of(), tag));
        String partner = Api.partner();
        List<String> engagements = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            String id = UUID.randomUUID().toString();
            engagements.add(id);
            String services = "[\"" + SERVICES[i % SERVICES.length] + "\", \"" + SERVICES[(i + 1) % SERVICES.length] + "\"]";
            records.add(KafkaTestClient.cloudEvent(TestInfra.topic("engagement-events"), id, UUID.randomUUID(),
                    "workshop.engagement.EngagementCreated.v1",
                    "{\"engagementId\": \"" + id + "\", \"partnerId\": \"" + partner + "\", \"customerName\": \"C" + i
                            + "\", \"fastTrackManager\": \"fm\", \"licenceCount\": 100, \"enterprise\": false,"
                            + " \"enrolledInAdoptionBenefit\": false, \"intendedServices\": " + services + "}"));
        }
        KafkaTestClient.sendAll(records);
        String last = engagements.get(ENGAGEMENTS - 1);
        // Keys spread the events over partitions, so the last one sent is not the last one read: wait for all of them.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                count("select count(*) from engagement_read where partner_id = '" + partner + "'") == ENGAGEMENTS);
        for (String e : List.of(engagements.get(0), engagements.get(ENGAGEMENTS / 2), last)) {
            assertThat(ids(partner, e), hasItem(resource));
        }

        long firstVersion = version(partner, engagements.get(0));
        long lastVersion = version(partner, last);
        String etag = admin().get("/api/v1/resources/" + resource).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("reason", "measurement")).post("/api/v1/resources/" + resource + "/retirement")
                .then().statusCode(200);
        // A pack is computed when read, so the link is gone at once; its version (what a client compares) goes up when
        // resource-events reaches the consumer, for every pack.
        assertThat(ids(partner, engagements.get(0)), not(hasItem(resource)));
        assertThat(ids(partner, last), not(hasItem(resource)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                version(partner, engagements.get(0)) > firstVersion && version(partner, last) > lastVersion);
    }

    @Test
    void seedIsNotAppliedTwice() {
        long before = Api.manager(Api.partner()).queryParam("tag", "playbook").get("/api/v1/resources")
                .then().extract().jsonPath().getLong("total");
        // A restart runs Flyway again: nothing is pending, nothing is seeded twice.
        assertThat(flyway.migrate().migrationsExecuted, equalTo(0));
        assertThat(flyway.info().applied().length, equalTo(flyway.info().all().length));
        Api.manager(Api.partner()).queryParam("tag", "playbook").get("/api/v1/resources")
                .then().body("total", equalTo((int) before));
    }
}
