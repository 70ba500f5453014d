package com.successworkshop.ssat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.successworkshop.ssat.support.Api;
import com.successworkshop.ssat.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.successworkshop.ssat.support.Api.manager;
import static com.successworkshop.ssat.support.Api.ssat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our own AsyncAPI file is what engagement-service tests against: it must hang together and match what we publish. */
@QuarkusTest
class AsyncApiContractTest {

    private static JsonNode spec() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(new File("src/main/asyncapi/ssat-service.yaml"));
    }

    @Test
    void theDocumentIsConsistent() throws Exception {
        JsonNode spec = spec();
        assertEquals("3.0.0", spec.path("asyncapi").asText());
        assertEquals("ssat-events", spec.path("channels").path("ssatEvents").path("address").asText());
        JsonNode messages = spec.path("components").path("messages");
        for (Iterator<String> it = spec.path("channels").path("ssatEvents").path("messages").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertFalse(messages.path(name).isMissingNode(), name + " is referenced but not defined");
            JsonNode schema = spec.path("components").path("schemas").path(name);
            JsonNode example = messages.path(name).path("examples").path(0);
            assertEquals("workshop.ssat." + name + ".v1", example.path("headers").path("ce_type").asText());
            for (JsonNode required : schema.path("required")) {
                assertTrue(example.path("payload").has(required.asText()), name + " example lacks " + required.asText());
            }
            assertEquals(fields(schema.path("properties")), fields(example.path("payload")), name + ": example and schema differ");
        }
    }

    @Test
    void everyPublishedEventMatchesItsDocumentedExample() throws Exception {
        String partner = Api.partner();
        UUID id = Api.matrix(partner, "OD");
        manager(partner).header("If-Match", Api.etag(partner, id)).body(Map.of("status", "GAP_IDENTIFIED", "gap", "No sponsor"))
                .put(ssat(id) + "/OD/STAKEHOLDERS").then().statusCode(200);
        String checklist = "/api/v1/engagements/" + id + "/success-plan/checklist";
        String etag = manager(partner).get(checklist).then().statusCode(200).extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("state", "CHECKED")).put(checklist + "/items/SUCCESS_DEFINED")
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> records = Events.awaitSsatEvent(id, Events.of(id, "SuccessChecklistChanged"));
        JsonNode messages = spec().path("components").path("messages");
        for (String name : List.of("SsatFactorUpdated", "SsatReadinessChanged", "SuccessPlanActionChanged", "SuccessChecklistChanged")) {
            ConsumerRecord<String, String> r = records.stream().filter(Events.of(id, name)).findFirst().orElseThrow();
            assertEquals(fields(messages.path(name).path("examples").path(0).path("payload")), fields(Events.data(r)),
                    name + ": published fields differ from the AsyncAPI example");
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
