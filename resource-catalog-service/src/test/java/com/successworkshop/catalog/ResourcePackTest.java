package com.successworkshop.catalog;

import com.successworkshop.catalog.support.Api;
import com.successworkshop.catalog.support.EngagementEvents;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.catalog.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.successworkshop.catalog.support.Api.admin;
import static com.successworkshop.catalog.support.Api.resource;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class ResourcePackTest {

    private static final String ONEDRIVE_KIT = "6a1e0000-0000-4000-8000-000000000007";
    private static final String ONEDRIVE_RESOURCES = "6a1e0000-0000-4000-8000-000000000008";
    private static final String APPENDIX_B = "6a1e0000-0000-4000-8000-000000000024";
    private static final String SUCCESS_WORKSHOP_DECKS = "6a1e0000-0000-4000-8000-000000000001";

    static JsonPath pack(String partner, String engagementId) {
        return Api.manager(partner).get("/api/v1/engagements/" + engagementId + "/resource-pack")
                .then().statusCode(200).extract().jsonPath();
    }

    static Set<String> ids(JsonPath pack) {
        return new HashSet<>(pack.getList("sections.items.flatten().resourceId", String.class));
    }

    static String why(JsonPath pack, String resourceId) {
        return pack.getString("sections.items.flatten().find { it.resourceId == '" + resourceId + "' }.why");
    }

    static void awaitPack(String partner, String engagementId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.manager(partner).get("/api/v1/engagements/" + engagementId + "/resource-pack").then().statusCode(200));
    }

    /** Active catalog resources for OneDrive that SharePoint alone would not bring in. */
    static Set<String> oneDriveOnly() {
        List<Map<String, Object>> items = Api.manager(Api.partner()).queryParam("status", "ACTIVE").queryParam("service", "OD")
                .queryParam("size", 200).get("/api/v1/resources").then().statusCode(200).extract().path("items");
        Set<String> out = new HashSet<>();
        for (Map<String, Object> r : items) {
            @SuppressWarnings("unchecked")
            List<String> services = (List<String>) r.get("services");
            if (!services.isEmpty() && !services.contains("SPO") && !Boolean.TRUE.equals(r.get("eligibleOnly"))) {
                out.add((String) r.get("id"));
            }
        }
        return out;
    }

    @Test
    void packWithOneDriveDiffersFromOneWithoutInExactlyTheOneDriveResources() {
        String partner = Api.partner();
        String withOd = EngagementEvents.created(partner, "OD", "SPO");
        String withoutOd = EngagementEvents.created(partner, "SPO");
        awaitPack(partner, withOd);
        awaitPack(partner, withoutOd);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> a = ids(pack(partner, withOd));
            Set<String> b = ids(pack(partner, withoutOd));
            Set<String> onlyA = new HashSet<>(a);
            onlyA.removeAll(b);
            Set<String> onlyB = new HashSet<>(b);
            onlyB.removeAll(a);
            assertThat(onlyB, empty());
            assertThat(onlyA, equalTo(oneDriveOnly()));
            assertThat(onlyA, hasItems(ONEDRIVE_KIT, ONEDRIVE_RESOURCES));
        });
        JsonPath p = pack(partner, withOd);
        assertThat(why(p, ONEDRIVE_KIT), containsString("intended service OD"));
        assertThat(why(p, SUCCESS_WORKSHOP_DECKS), containsString("applies to all services"));
        assertThat(p.getList("sections.section"), hasItem("SERVICE_ADOPTION_PROGRAM"));
        assertThat(p.getList("sections.section"), not(hasItem("ENTERPRISE_BENEFITS")));
        assertThat(p.getString("partnerId"), equalTo(partner));
    }

    @Test
    void enterpriseBenefitMaterialOnlyWhenEligible() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "TEAMS");
        awaitPack(partner, id);
        assertThat(ids(pack(partner, id)), not(hasItem(APPENDIX_B)));
        EngagementEvents.eligibility(id, partner, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = pack(partner, id);
            assertThat(ids(p), hasItem(APPENDIX_B));
            assertThat(why(p, APPENDIX_B), containsString("eligible for ENHANCED_ADOPTION_SERVICE"));
        });
        EngagementEvents.eligibility(id, partner, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(pack(partner, id)), not(hasItem(APPENDIX_B))));
    }

    @Test
    void intendedServicesAndWorkshopCompletionChangeThePack() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "TEAMS");
        awaitPack(partner, id);
        assertThat(ids(pack(partner, id)), not(hasItem(ONEDRIVE_KIT)));
        EngagementEvents.servicesChanged(id, partner, List.of("OD"), List.of(), List.of("TEAMS", "OD"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(pack(partner, id)), hasItem(ONEDRIVE_KIT)));
        assertThat(ids(pack(partner, id)), hasItem(SUCCESS_WORKSHOP_DECKS));
        // Once the workshop is done, "Schedule the success workshop" no longer belongs in the pack.
        EngagementEvents.workshopCompleted(id, partner, List.of("TEAMS", "OD"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = pack(partner, id);
            assertThat(p.getBoolean("workshopCompleted"), equalTo(true));
            assertThat(ids(p), not(hasItem(SUCCESS_WORKSHOP_DECKS)));
            assertThat(ids(p), hasItem(ONEDRIVE_KIT));
        });
    }

    @Test
    void thePacksVersionGoesUpOnlyWhenItsContentChangesAndItsETagFollowsWhatTheBodyShows() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "TEAMS");
        awaitPack(partner, id);
        assertThat(pack(partner, id).getLong("version"), equalTo(1L));
        String first = Api.manager(partner).get("/api/v1/engagements/" + id + "/resource-pack").then().extract().header("ETag");
        Api.manager(partner).header("If-None-Match", first).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(304);
        // Not eligible: the enterprise material stays out, the pack's content is the same, its version too.
        EngagementEvents.eligibility(id, partner, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pack(partner, id).get("eligible"), equalTo(false)));
        assertThat(pack(partner, id).getLong("version"), equalTo(1L));
        // The body changed (eligible, updatedAt): a client holding the first ETag gets the new body.
        Api.manager(partner).header("If-None-Match", first).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(200);
        // Completing the workshop takes "Schedule the success workshop" out: a new version.
        EngagementEvents.workshopCompleted(id, partner, List.of("TEAMS"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pack(partner, id).getBoolean("workshopCompleted"), equalTo(true)));
        assertThat(pack(partner, id).getLong("version"), equalTo(2L));
    }

    @Test
    void retiringAResourceUpdatesExistingPacks() {
        String tag = Api.tag();
        String kit = Api.create(resource("Pack test kit " + tag, "https://example.com/" + tag, "SERVICE_ADOPTION_PROGRAM", "KIT",
                List.of("OD"), tag));
        String partner = Api.partner();
        String e1 = EngagementEvents.created(partner, "OD");
        String e2 = EngagementEvents.created(partner, "OD", "TEAMS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(pack(partner, e1)), hasItem(kit));
            assertThat(ids(pack(partner, e2)), hasItem(kit));
        });
        String replacement = Api.create(resource("Pack test kit v2 " + tag, "https://example.com/v2-" + tag, "SERVICE_ADOPTION_PROGRAM",
                "KIT", List.of("PROJ"), tag));
        String etag = admin().get("/api/v1/resources/" + kit).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("reason", "Moved to v2", "replacementId", replacement))
                .post("/api/v1/resources/" + kit + "/retirement").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String e : List.of(e1, e2)) {
                JsonPath p = pack(partner, e);
                assertThat(ids(p), not(hasItem(kit)));
                assertThat(ids(p), hasItem(replacement));
                assertThat(why(p, replacement), containsString("Replaces 'Pack test kit " + tag + "' (retired: Moved to v2)"));
            }
        });
        String etag2 = admin().get("/api/v1/resources/" + replacement).then().extract().header("ETag");
        admin().header("If-Match", etag2).body(Map.of("reason", "Withdrawn"))
                .post("/api/v1/resources/" + replacement + "/retirement").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(pack(partner, e1)), not(hasItem(replacement)));
            assertThat(ids(pack(partner, e2)), not(hasItem(replacement)));
        });
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "TEAMS");
        awaitPack(partner, id);
        String topic = TestInfra.topic("engagement-events");
        String type = "workshop.engagement.IntendedServicesChanged.v1";
        var addOd = KafkaTestClient.cloudEvent(topic, id, UUID.randomUUID(), type, "{\"engagementId\": \"" + id + "\", \"partnerId\": \""
                + partner + "\", \"added\": [\"OD\"], \"removed\": [], \"intendedServices\": [\"TEAMS\", \"OD\"]}");
        var removeOd = KafkaTestClient.cloudEvent(topic, id, UUID.randomUUID(), type, "{\"engagementId\": \"" + id + "\", \"partnerId\": \""
                + partner + "\", \"added\": [], \"removed\": [\"OD\"], \"intendedServices\": [\"TEAMS\"]}");
        KafkaTestClient.sendAll(List.of(addOd, removeOd, addOd));
        // Same key, same partition: once this one shows, the three above were processed.
        EngagementEvents.eligibility(id, partner, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(pack(partner, id)), hasItem(APPENDIX_B)));
        JsonPath p = pack(partner, id);
        assertThat(p.getList("intendedServices"), equalTo(List.of("TEAMS")));
        assertThat(ids(p), not(hasItem(ONEDRIVE_KIT)));
    }

    @Test
    void packIsPartnerScoped() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "OD");
        awaitPack(partner, id);
        Api.manager(Api.partner()).get("/api/v1/engagements/" + id + "/resource-pack")
                .then().statusCode(404).contentType("application/problem+json");
        Api.as(Tokens.of(partner, "partner-viewer")).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(200);
        Api.as(Tokens.of(partner, "catalog-admin")).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(403);
        Api.manager(partner).get("/api/v1/engagements/" + UUID.randomUUID() + "/resource-pack").then().statusCode(404);
    }

    @Test
    void aWorkloadThisServiceDoesNotKnowIsLeftOutAndTheRestOfTheEventApplies() {
        String partner = Api.partner();
        String id = EngagementEvents.created(partner, "OD", "HOLOLENS");
        awaitPack(partner, id);
        Api.manager(partner).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(200)
                .body("intendedServices", equalTo(List.of("OD")));
        assertTrue(KafkaTestClient.deadLettered(TestInfra.topic("engagement-events"), TestInfra.topic("engagement-events-dlq")).stream()
                .noneMatch(r -> id.equals(r.key())), "the event is not dead-lettered");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String bad = UUID.randomUUID().toString();
        KafkaTestClient.sendCloudEvent(TestInfra.topic("engagement-events"), bad, UUID.randomUUID(),
                "workshop.engagement.EngagementCreated.v1", Instant.now(), "{\"engagementId\": \"not-a-uuid\", \"partnerId\": \"p\"}");
        KafkaTestClient.send(TestInfra.topic("engagement-events"), bad, Map.of("content-type", "application/json"), "{}");
        String partner = Api.partner();
        String good = EngagementEvents.created(partner, "OD");
        awaitPack(partner, good);
        KafkaTestClient.readUntil(TestInfra.topic("engagement-events-dlq"), r -> bad.equals(r.key()));
    }
}
