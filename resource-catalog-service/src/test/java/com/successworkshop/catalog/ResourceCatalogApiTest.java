package com.successworkshop.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.catalog.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.catalog.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.successworkshop.catalog.support.Api.admin;
import static com.successworkshop.catalog.support.Api.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class ResourceCatalogApiTest {

    /** A copy of ../shared/playbook (the README and the Japanese original), so that the test runs from any checkout. */
    private static final String PLAYBOOK = "src/test/resources/playbook/";

    /** Every absolute link under "Resource links" in the English playbook, and every link of the Japanese original. */
    static Set<String> playbookLinks() throws Exception {
        String readme = Files.readString(Path.of(PLAYBOOK, "README.md"));
        String section = readme.substring(readme.indexOf("## Resource links"), readme.indexOf("## Prerequisites"));
        Set<String> links = new LinkedHashSet<>();
        Matcher m = Pattern.compile("https?://[^\\s)]+").matcher(section);
        while (m.find()) {
            links.add(m.group());
        }
        String ja = Files.readString(Path.of(PLAYBOOK, "conduct-customer-success-workshop.ja.md"));
        Matcher jm = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)").matcher(ja);
        while (jm.find()) {
            if (!jm.group(1).equals("http://partner-docs.microsoft.com")) { // the page's "Home" navigation, not a resource
                links.add(jm.group(1));
            }
        }
        return links;
    }

    @Test
    void seededCatalogHoldsEveryPlaybookLink() throws Exception {
        Set<String> links = playbookLinks();
        assertThat(links.size(), greaterThanOrEqualTo(24));
        List<String> addresses = Api.manager(Api.partner()).queryParam("tag", "playbook").queryParam("size", 200)
                .get("/api/v1/resources").then().statusCode(200).extract().path("items.address");
        assertThat(addresses, hasItems(links.toArray(new String[0])));
        assertThat(addresses, hasSize(links.size()));

        // Japanese titles from the original, where it gives one.
        Api.manager(Api.partner()).queryParam("q", "成功プランのチェックリスト").get("/api/v1/resources")
                .then().statusCode(200).body("items.address", contains("https://aka.ms/success-plan-checklist"))
                .body("items[0].section", equalTo("CAPTURE_SSAT")).body("items[0].kind", equalTo("CHECKLIST"));
        Api.manager(Api.partner()).queryParam("tag", "playbook").queryParam("section", "SERVICE_ADOPTION_PROGRAM").get("/api/v1/resources")
                .then().body("items.services", everyItem(contains("OD"))).body("total", equalTo(2));
        Api.manager(Api.partner()).queryParam("tag", "playbook").queryParam("section", "ENTERPRISE_BENEFITS").get("/api/v1/resources")
                .then().body("items[0].eligibleOnly", equalTo(true))
                .body("items[0].address", equalTo("https://technet.microsoft.com/en-us/library/mt750539.aspx"));
    }

    @Test
    void filtersSortingAndPagingWorkTogether() {
        String tag = Api.tag();
        Api.create(resource("Alpha OneDrive deck", "https://example.com/a", "CAPTURE_SSAT", "DECK", List.of("OD"), tag));
        Api.create(resource("Bravo OneDrive guide", "https://example.com/b", "CAPTURE_SSAT", "GUIDE", List.of("OD", "SPO"), tag));
        Api.create(resource("Charlie all-services deck", "https://example.com/c", "CAPTURE_SSAT", "DECK", List.of(), tag));
        Api.create(resource("Delta Teams deck", "https://example.com/d", "CAPTURE_SSAT", "DECK", List.of("TEAMS"), tag));
        Api.create(resource("Echo OneDrive deck", "https://example.com/e", "MEASURING_SUCCESS", "DECK", List.of("OD"), tag));
        Map<String, Object> ja = resource("Foxtrot 日本語 deck", "https://example.com/f", "CAPTURE_SSAT", "DECK", List.of("OD"), tag);
        ja.put("language", "ja");
        Api.create(ja);

        var reader = Api.as(Tokens.of(Api.partner(), "partner-viewer"));
        // service OD matches OD resources and all-services resources; kind, section, language and tag narrow it.
        reader.queryParam("tag", tag).queryParam("service", "OD").queryParam("kind", "DECK").queryParam("section", "CAPTURE_SSAT")
                .queryParam("language", "en").queryParam("sort", "title,desc").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/resources").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.title", contains("Alpha OneDrive deck"));
        Api.manager(Api.partner()).queryParam("tag", tag).queryParam("q", "onedrive").queryParam("sort", "title")
                .queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/resources").then().statusCode(200)
                .body("total", equalTo(3)).body("items.title", contains("Echo OneDrive deck"));
        Api.manager(Api.partner()).queryParam("tag", tag).queryParam("audience", "PARTNER").get("/api/v1/resources")
                .then().body("total", equalTo(0));
        Api.manager(Api.partner()).queryParam("tag", tag).queryParam("language", "ja").get("/api/v1/resources")
                .then().body("items.title", contains("Foxtrot 日本語 deck"));

        Api.manager(Api.partner()).queryParam("size", 201).get("/api/v1/resources")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        Api.manager(Api.partner()).queryParam("kind", "POSTER").get("/api/v1/resources")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        Api.manager(Api.partner()).queryParam("sort", "address").get("/api/v1/resources")
                .then().statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void badAddressesAre400ProblemsNamingTheField() {
        for (String bad : List.of("javascript:alert(1)", "/relative/path", "resources/deck.pptx", "ftp://example.com/deck",
                "data:text/html,hi", "https://user:secret@example.com/", "https:///no-host", "https://example.com/a b",
                "https://example.com/" + "x".repeat(2100))) {
            admin().body(resource("Bad", bad, "CAPTURE_SSAT", "DECK", List.of()))
                    .post("/api/v1/resources")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", contains("address"));
        }
        // Exactly 2048 bytes is still allowed.
        String longest = "https://example.com/" + "y".repeat(2048 - "https://example.com/".length());
        admin().body(resource("Longest", longest, "CAPTURE_SSAT", "DECK", List.of())).post("/api/v1/resources").then().statusCode(201);

        Map<String, Object> body = resource("", "https://example.com", "NOWHERE", "DECK", List.of());
        admin().body(body).post("/api/v1/resources").then().statusCode(400).body("errors[0].field", equalTo("section"));
        body.put("section", "CAPTURE_SSAT");
        body.put("audience", List.of());
        admin().body(body).post("/api/v1/resources").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("audience"));
    }

    @Test
    void createUpdateRetireWithEtagsAndEvents() throws Exception {
        String tag = Api.tag();
        Map<String, Object> body = resource("Kit v1", "https://example.com/kit-v1", "SERVICE_ADOPTION_PROGRAM", "KIT", List.of("OD"), tag);
        var created = admin().header("Idempotency-Key", "create-" + tag).body(body).post("/api/v1/resources")
                .then().statusCode(201).header("Location", containsString("/api/v1/resources/"))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(0)).extract();
        String id = created.path("id");
        admin().header("Idempotency-Key", "create-" + tag).body(body).post("/api/v1/resources")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        Api.manager(Api.partner()).get("/api/v1/resources/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""));

        body.put("title", "Kit v1.1");
        admin().body(body).put("/api/v1/resources/" + id).then().statusCode(428).contentType("application/problem+json");
        admin().body(body).header("If-Match", "\"7\"").put("/api/v1/resources/" + id).then().statusCode(412);
        admin().body(body).header("If-Match", "\"0\"").put("/api/v1/resources/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("title", equalTo("Kit v1.1"));
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("address", "javascript:void(0)");
        admin().body(bad).header("If-Match", "\"1\"").put("/api/v1/resources/" + id).then().statusCode(400);

        String v2 = Api.create(resource("Kit v2", "https://example.com/kit-v2", "SERVICE_ADOPTION_PROGRAM", "KIT", List.of("OD"), tag));
        admin().body(Map.of("reason", "Superseded", "replacementId", id)).header("If-Match", "\"1\"")
                .post("/api/v1/resources/" + id + "/retirement").then().statusCode(400).body("errors[0].field", equalTo("replacementId"));
        admin().body(Map.of("reason", "Superseded by v2", "replacementId", v2)).header("If-Match", "\"1\"")
                .post("/api/v1/resources/" + id + "/retirement").then().statusCode(200)
                .body("status", equalTo("RETIRED")).header("ETag", equalTo("\"2\""));
        // A retired link stays readable and points at its replacement.
        Api.manager(Api.partner()).get("/api/v1/resources/" + id).then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("retirement.reason", equalTo("Superseded by v2"))
                .body("retirement.replacement.id", equalTo(v2)).body("retirement.replacement.address", equalTo("https://example.com/kit-v2"));
        admin().body(Map.of("reason", "again")).header("If-Match", "\"2\"").post("/api/v1/resources/" + id + "/retirement")
                .then().statusCode(409).contentType("application/problem+json");
        Api.manager(Api.partner()).queryParam("tag", tag).queryParam("status", "ACTIVE").get("/api/v1/resources")
                .then().body("items.id", contains(v2));

        // Published, updated and retired events leave through the outbox, keyed by the resource id.
        var records = KafkaTestClient.readUntil(TestInfra.topic("resource-events"),
                r -> id.equals(r.key()) && "workshop.catalog.ResourceRetired.v1".equals(KafkaTestClient.header(r, "ce_type")));
        List<String> types = records.stream().filter(r -> id.equals(r.key())).map(r -> KafkaTestClient.header(r, "ce_type")).toList();
        assertThat(types, contains("workshop.catalog.ResourcePublished.v1", "workshop.catalog.ResourceUpdated.v1",
                "workshop.catalog.ResourceRetired.v1"));
        var retired = records.get(records.size() - 1);
        assertThat(KafkaTestClient.header(retired, "ce_subject"), equalTo(id));
        assertThat(KafkaTestClient.header(retired, "ce_source"), equalTo("/resource-catalog-service"));
        JsonNode data = new ObjectMapper().readTree(retired.value());
        assertThat(data.path("replacementId").asText(), equalTo(v2));
        assertThat(data.path("partnerId").asText(), equalTo("*"));
        assertThat(data.path("resourceId").asText(), equalTo(id));
    }

    @Test
    void rolesAreEnforced() {
        given().get("/api/v1/resources").then().statusCode(401).contentType("application/problem+json");
        Api.manager(Api.partner()).body(resource("X", "https://example.com/x", "CAPTURE_SSAT", "DECK", List.of()))
                .post("/api/v1/resources").then().statusCode(403).contentType("application/problem+json");
        Api.as(Tokens.of("ops", "ops")).get("/api/v1/resources").then().statusCode(200);
        Api.manager(Api.partner()).get("/api/v1/resources/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/resources'.get.operationId", equalTo("listResources"))
                .body("paths.'/api/v1/engagements/{id}/resource-pack'.get.operationId", equalTo("getResourcePack"));
    }

    @Test
    void unknownFieldsAndMalformedJsonAre400() {
        Map<String, Object> body = resource("X", "https://example.com/x", "CAPTURE_SSAT", "DECK", List.of());
        body.put("colour", "blue");
        admin().body(body).post("/api/v1/resources").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        admin().body("{\"title\": ").post("/api/v1/resources").then().statusCode(400).contentType("application/problem+json");
        admin().body(Map.of("reason", "")).header("If-Match", "\"0\"")
                .post("/api/v1/resources/6a1e0000-0000-4000-8000-000000000001/retirement")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        Api.manager(Api.partner()).get("/api/v1/resources/6a1e0000-0000-4000-8000-000000000001")
                .then().body("status", equalTo("ACTIVE")).body("retirement", nullValue()).body("lastLinkCheck", nullValue())
                .body("titleJa", notNullValue()).body("audience", hasSize(2));
    }
}
