package com.successworkshop.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.catalog.support.Api;
import com.successworkshop.catalog.support.TestInfra;
import com.successworkshop.kit.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.successworkshop.catalog.support.Api.admin;
import static com.successworkshop.catalog.support.Api.resource;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

/** The aggregate raises its events before the unit of work flushes: each still carries the version its change was stored with. */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class ResourceEventVersionTest {

    @Test
    void eachEventCarriesTheVersionOfTheETagAfterIt() throws Exception {
        String tag = Api.tag();
        Map<String, Object> body = resource("Versioned " + tag, "https://example.com/" + tag, "CAPTURE_SSAT", "GUIDE", List.of("OD"), tag);
        String id = Api.create(body);
        body.put("title", "Versioned again " + tag);
        String etag = admin().body(body).header("If-Match", "\"0\"").put("/api/v1/resources/" + id).then().statusCode(200)
                .extract().header("ETag");
        String retiredEtag = admin().body(Map.of("reason", "Done")).header("If-Match", etag)
                .post("/api/v1/resources/" + id + "/retirement").then().statusCode(200).extract().header("ETag");
        assertThat(List.of(etag, retiredEtag), contains("\"1\"", "\"2\""));

        var records = KafkaTestClient.readUntil(TestInfra.topic("resource-events"),
                r -> id.equals(r.key()) && "workshop.catalog.ResourceRetired.v1".equals(KafkaTestClient.header(r, "ce_type")));
        List<Long> versions = new ArrayList<>();
        for (var r : records.stream().filter(r -> id.equals(r.key())).toList()) {
            versions.add(new ObjectMapper().readTree(r.value()).path("version").asLong());
        }
        assertThat(versions, contains(0L, 1L, 2L));
    }
}
