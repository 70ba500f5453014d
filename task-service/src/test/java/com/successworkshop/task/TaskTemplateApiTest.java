package com.successworkshop.task;

import com.successworkshop.task.support.Api;
import com.successworkshop.task.support.TestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.successworkshop.task.support.Api.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class TaskTemplateApiTest {

    private static final String PLAYBOOK = "assess-conduct-customer-success-workshop-partner";

    @Inject
    EntityManager em;
    @Inject
    com.successworkshop.task.application.TemplateService templateService;

    static String ftopFile() {
        try (InputStream in = TaskTemplateApiTest.class.getResourceAsStream("/ftop-tasks.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long catalogTemplates() {
        return ((Number) em.createNativeQuery("select count(*) from task_template where latest and process not like 'test-%'")
                .getSingleResult()).longValue();
    }

    @Test
    void theSixTasksOfThisPlaybookAreSeeded() {
        assertEquals(0, templateService.seed(), "a restart seeds nothing twice");
        Api.manager(Api.partner()).queryParam("process", PLAYBOOK).queryParam("status", "PUBLISHED").get("/api/v1/task-templates")
                .then().statusCode(200)
                .body("items.ftopTaskId", hasItems(2536, 3734, 3278, 3718, 3737, 3738))
                .body("items.find { it.ftopTaskId == 2536 }.allServices", equalTo(true))
                .body("items.find { it.ftopTaskId == 2536 }.section", equalTo("Customer Success Workshop Complete"))
                .body("items.find { it.ftopTaskId == 3278 }.services", contains("OLM", "AADP", "EXO", "INTUNE"))
                .body("items.find { it.ftopTaskId == 3734 }.services", contains("M365_APPS", "WIN10"));
        Api.manager(Api.partner()).queryParam("service", "SPO").queryParam("process", PLAYBOOK).get("/api/v1/task-templates")
                .then().statusCode(200).body("items.ftopTaskId", hasItems(2536, 3737)).body("items.ftopTaskId", not(hasItem(3718)));
    }

    @Test
    void importingThe228RowFileTwiceLeaves228TemplatesAndChangesNothingTheSecondTime() {
        String file = ftopFile();
        var first = admin().contentType("text/tab-separated-values").body(file).post("/api/v1/task-templates/import")
                .then().statusCode(200).body("format", equalTo("TSV")).body("rows", equalTo(228)).extract().jsonPath();
        assertEquals(228, first.getInt("created") + first.getInt("updated") + first.getInt("unchanged"));
        System.out.printf("[measure] import of 228 TSV rows (first): %d ms (%d created, %d updated, %d unchanged)%n",
                first.getLong("millis"), first.getInt("created"), first.getInt("updated"), first.getInt("unchanged"));
        assertEquals(228, catalogTemplates());
        var second = admin().contentType("text/tab-separated-values").body(file).post("/api/v1/task-templates/import")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(228))
                .extract().jsonPath();
        System.out.printf("[measure] import of 228 TSV rows (re-import, no change): %d ms%n", second.getLong("millis"));
        assertEquals(228, catalogTemplates());
        // Uncategorised tasks: the export's own "Uncategorized Tasks" step, and "None" phases, land in the playbook's section.
        admin().queryParam("section", "Uncategorised").queryParam("process", "enable-enable-services-partner").get("/api/v1/task-templates").then().statusCode(200)
                .body("items.size()", equalTo(1));
        admin().queryParam("ftopTaskId", 3311).get("/api/v1/task-templates").then().statusCode(200)
                .body("items[0].name", containsString("\"Auto Import Tool\""));
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndNamesThatLine() {
        String process = "test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = Arrays.stream(ftopFile().split("\n")).map(l -> l.startsWith("file\t") ? l : process + "-" + l)
                .collect(Collectors.toList());
        String[] bad = lines.get(49).split("\t", -1);
        bad[3] = "12x";
        lines.set(49, String.join("\t", bad));
        admin().contentType("text/tab-separated-values").body(String.join("\n", lines)).post("/api/v1/task-templates/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("line 50"))
                .body("errors[0].message", containsString("task_id"))
                .body("detail", containsString("nothing was imported"));
        admin().queryParam("process", process + "-assess-conduct-customer-success-workshop-partner").get("/api/v1/task-templates")
                .then().statusCode(200).body("total", equalTo(0));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from task_template where process like :p")
                .setParameter("p", process + "%").getSingleResult()).longValue());
    }

    @Test
    void csvIsImportedWithQuotedCellsAndEveryBadRowIsReported() {
        String process = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String good = "file,phase,step,task_id,name,M/O,role,services\n"
                + process + ",Assess,Value-Add Discussions,9001,\"Teams, Yammer - \"\"pitch\"\"\",O,FastTrack Manager,Teams / Yammer\n"
                + process + ",None,,9002,Unplaced task,M,SME,Skype for Business\n";
        admin().contentType("text/csv").body(good).post("/api/v1/task-templates/import")
                .then().statusCode(200).body("format", equalTo("CSV")).body("created", equalTo(2));
        admin().queryParam("process", process).get("/api/v1/task-templates").then().statusCode(200)
                .body("items.find { it.ftopTaskId == 9001 }.name", equalTo("Teams, Yammer - \"pitch\""))
                .body("items.find { it.ftopTaskId == 9001 }.services", contains("TEAMS", "YAM"))
                .body("items.find { it.ftopTaskId == 9002 }.section", equalTo("Uncategorised"))
                .body("items.find { it.ftopTaskId == 9002 }.phase", equalTo(null));
        String bad = "file,phase,step,task_id,name,M/O,role,services\n"
                + process + ",Assess,S,9003,Fine,M,FastTrack Manager,Exchange\n"
                + process + ",Assess,S,abc,Bad id,M,FastTrack Manager,Exchange\n"
                + process + ",Assess,S,9004,Bad flag,X,FastTrack Manager,Exchange\n";
        admin().contentType("text/csv").body(bad).post("/api/v1/task-templates/import")
                .then().statusCode(400).body("errors.field", contains("line 3", "line 4"));
        admin().queryParam("process", process).queryParam("ftopTaskId", 9003).get("/api/v1/task-templates")
                .then().body("total", equalTo(0));
        Api.manager(Api.partner()).contentType("text/csv").body(good).post("/api/v1/task-templates/import")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPublishedVersionIsImmutableAndEditingMakesANewVersion() {
        String process = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = Map.of("ftopTaskId", 9100, "name", "Deliver Teams pitch", "mandatory", false,
                "fastTrackRole", "FastTrack Manager", "services", List.of("TEAMS"), "process", process,
                "section", "Value-Add Discussions", "dueOffsetDays", 10);
        String key = UUID.randomUUID().toString();
        var created = admin().header("Idempotency-Key", key).body(draft).post("/api/v1/task-templates")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("templateVersion", equalTo(1)).extract();
        String v1 = created.path("id");
        admin().header("Idempotency-Key", key).body(draft).post("/api/v1/task-templates")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(v1));
        admin().post("/api/v1/task-templates/" + v1 + "/publish").then().statusCode(428);
        String etag = admin().get("/api/v1/task-templates/" + v1).then().statusCode(200).extract().header("ETag");
        String published = admin().header("If-Match", etag).post("/api/v1/task-templates/" + v1 + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).extract().header("ETag");
        admin().header("If-Match", etag).post("/api/v1/task-templates/" + v1 + "/retire").then().statusCode(412);

        Map<String, Object> edit = new java.util.HashMap<>(draft);
        edit.put("name", "Deliver Teams and Yammer pitch");
        String v2 = admin().header("If-Match", published).body(edit).put("/api/v1/task-templates/" + v1)
                .then().statusCode(201).body("templateVersion", equalTo(2)).body("status", equalTo("DRAFT")).extract().path("id");
        admin().get("/api/v1/task-templates/" + v1).then().body("name", equalTo("Deliver Teams pitch")).body("status", equalTo("PUBLISHED"));
        String v2etag = admin().get("/api/v1/task-templates/" + v2).then().extract().header("ETag");
        admin().header("If-Match", v2etag).post("/api/v1/task-templates/" + v2 + "/publish").then().statusCode(200);
        admin().get("/api/v1/task-templates/" + v1).then().body("status", equalTo("RETIRED"));
        admin().queryParam("process", process).queryParam("allVersions", true).get("/api/v1/task-templates")
                .then().body("total", equalTo(2));
        admin().queryParam("process", process).get("/api/v1/task-templates")
                .then().body("total", equalTo(1)).body("items[0].templateVersion", equalTo(2));

        admin().body(Map.of("ftopTaskId", 9101, "name", "x")).post("/api/v1/task-templates")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("mandatory", "process"));
        Api.as(Tokens.manager(Api.partner())).body(draft).post("/api/v1/task-templates").then().statusCode(403);
        Api.manager(Api.partner()).queryParam("service", "NOPE").get("/api/v1/task-templates")
                .then().statusCode(400).body("errors.field", hasItem("service"));
        io.restassured.RestAssured.given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body(containsString("importTaskTemplates"));
    }
}
