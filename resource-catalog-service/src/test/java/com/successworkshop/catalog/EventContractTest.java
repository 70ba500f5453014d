package com.successworkshop.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.catalog.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.catalog.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Consumer contract: engagement-service's published AsyncAPI examples, sent as they are (fresh ids only), have the effect
 * this service promises. Producer side: our own AsyncAPI file is well-formed and what we publish has its documented fields.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class EventContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONEDRIVE_KIT = "6a1e0000-0000-4000-8000-000000000007";
    private static final String APPENDIX_B = "6a1e0000-0000-4000-8000-000000000024";
    private static final String SUCCESS_WORKSHOP_DECKS = "6a1e0000-0000-4000-8000-000000000001";

    static JsonNode producerExamples() throws Exception {
        return YAML.readTree(new File("../engagement-service/src/main/asyncapi/engagement-service.yaml"));
    }

    /** Publishes example {@code name} of engagement-service with a fresh ce_id and the given engagement id. */
    static JsonNode publishExample(JsonNode doc, String message, String engagementId) throws Exception {
        JsonNode example = doc.path("components").path("messages").path(message).path("examples").get(0);
        assertThat("example of " + message, example, notNullValue());
        Map<String, String> headers = new HashMap<>();
        example.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_subject", engagementId);
        ObjectNode payload = example.path("payload").deepCopy();
        payload.put("engagementId", engagementId);
        KafkaTestClient.send(TestInfra.topic("engagement-events"), engagementId, headers, JSON.writeValueAsString(payload));
        return payload;
    }

    static JsonPath pack(String partner, String id) {
        return Api.manager(partner).get("/api/v1/engagements/" + id + "/resource-pack").then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath p) {
        return p.getList("sections.items.flatten().resourceId", String.class);
    }

    @Test
    void engagementServiceExamplesBuildAndChangeThePack() throws Exception {
        JsonNode doc = producerExamples();
        String id = UUID.randomUUID().toString();

        JsonNode created = publishExample(doc, "EngagementCreated", id);
        String partner = created.path("partnerId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = pack(partner, id);
            assertThat(p.getList("intendedServices"), equalTo(List.of("OD", "SPO")));
            assertThat(ids(p), hasItem(ONEDRIVE_KIT));
            assertThat(ids(p), not(hasItem(APPENDIX_B)));
        });

        JsonNode changed = publishExample(doc, "IntendedServicesChanged", id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(pack(partner, id).getList("intendedServices"), equalTo(JSON.convertValue(changed.path("intendedServices"), List.class))));

        JsonNode eligibility = publishExample(doc, "EligibilityDetermined", id);
        assertThat(eligibility.path("eligible").asBoolean(), equalTo(true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(pack(partner, id)), hasItem(APPENDIX_B)));

        publishExample(doc, "WorkshopCompleted", id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = pack(partner, id);
            assertThat(p.getBoolean("workshopCompleted"), equalTo(true));
            assertThat(ids(p), not(hasItem(SUCCESS_WORKSHOP_DECKS)));
            assertThat(ids(p), hasItem(APPENDIX_B));
        });
    }

    @Test
    void ownAsyncApiIsWellFormedAndMatchesWhatIsPublished() throws Exception {
        JsonNode doc = YAML.readTree(new File("src/main/asyncapi/resource-catalog-service.yaml"));
        assertThat(doc.path("asyncapi").asText(), equalTo("3.0.0"));
        JsonNode messages = doc.path("components").path("messages");
        Set<String> names = new TreeSet<>();
        messages.fieldNames().forEachRemaining(names::add);
        assertThat(names, equalTo(new TreeSet<>(Set.of("ResourcePublished", "ResourceUpdated", "ResourceRetired"))));
        for (String name : names) {
            JsonNode m = messages.path(name);
            JsonNode example = m.path("examples").get(0);
            assertThat(name, example.path("headers").path("ce_type").asText(), equalTo("workshop.catalog." + name + ".v1"));
            assertThat(name, example.path("headers").path("ce_subject").asText(), equalTo(example.path("payload").path("resourceId").asText()));
            String schema = m.path("payload").path("$ref").asText().replace("#/components/schemas/", "");
            JsonNode s = doc.path("components").path("schemas").path(schema);
            s.path("required").forEach(f -> assertThat(name + " example has " + f.asText(), example.path("payload").has(f.asText()), equalTo(true)));
            assertThat(fields(example.path("payload")), equalTo(fields(s.path("properties"))));
            doc.path("components").path("schemas").path("CloudEventHeaders").path("required")
                    .forEach(h -> assertThat(name + " example header " + h.asText(), example.path("headers").has(h.asText()), equalTo(true)));
        }

        // What the service really publishes has exactly the documented fields.
        String tag = Api.tag();
        String rid = Api.create(Api.resource("Contract " + tag, "https://example.com/" + tag, "CAPTURE_SSAT", "GUIDE", List.of("OD"), tag));
        var records = KafkaTestClient.readUntil(TestInfra.topic("resource-events"), r -> rid.equals(r.key()));
        var published = records.get(records.size() - 1);
        assertThat(KafkaTestClient.header(published, "ce_type"), equalTo("workshop.catalog.ResourcePublished.v1"));
        assertThat(KafkaTestClient.header(published, "ce_subject"), equalTo(rid));
        assertThat(KafkaTestClient.header(published, "ce_id"), notNullValue());
        assertThat(KafkaTestClient.header(published, "ce_time"), startsWith("20"));
        assertThat(fields(JSON.readTree(published.value())), equalTo(fields(messages.path("ResourcePublished").path("examples").get(0).path("payload"))));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
