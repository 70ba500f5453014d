package com.successworkshop.task;

import com.successworkshop.kit.testing.Tokens;
import com.successworkshop.task.support.Api;
import com.successworkshop.task.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.successworkshop.task.support.Api.manager;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * task-service's queries name no partner: partner isolation comes from the kit's partner filter alone. Partner B reaches
 * none of partner A's tasks, by engagement, by id, in its inbox or by changing one; the consumer (no request) still
 * wrote A's tasks with A's partner.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class PartnerIsolationTest {

    @Test
    void partnerBSeesNoneOfPartnerAsTasks() {
        String a = Api.partner();
        String b = Api.partner();
        UUID engagement = UUID.randomUUID();
        Api.engagementCreated(engagement, a, "OD");
        JsonPath tasks = Api.awaitTasks(a, engagement, 1);
        String taskId = tasks.getString("items[0].id");
        String assignee = "shared.fm." + a + "@example.com";
        String etag = manager(a).get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().header("ETag");
        manager(a).header("If-Match", etag).contentType("application/json").body("{\"assignee\":\"" + assignee + "\"}")
                .patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        manager(a).queryParam("assignee", assignee).get("/api/v1/tasks").then().statusCode(200).body("items", hasSize(1));

        manager(b).get("/api/v1/engagements/" + engagement + "/tasks").then().statusCode(404);
        manager(b).get("/api/v1/tasks/" + taskId).then().statusCode(404);
        manager(b).header("If-Match", "\"*\"").contentType("application/json").body("{\"notes\":\"taken over\"}")
                .patch("/api/v1/tasks/" + taskId).then().statusCode(404);
        manager(b).queryParam("assignee", assignee).get("/api/v1/tasks").then().statusCode(200).body("items", empty());
        // A still sees its own, unchanged.
        manager(a).get("/api/v1/tasks/" + taskId).then().statusCode(200).body("notes", not("taken over"));
        manager(a).get("/api/v1/engagements/" + engagement + "/tasks").then().statusCode(200).body("items", not(hasSize(0)));
    }

    @Test
    void aPartnersRoleWithoutAPartnerIsForbiddenNotShownAnEmptyWorld() {
        Api.as(Tokens.of("", "fasttrack-manager")).get("/api/v1/tasks").then().statusCode(403);
        List.of("/api/v1/tasks/" + UUID.randomUUID()).forEach(path ->
                Api.as(Tokens.of("", "partner-viewer")).get(path).then().statusCode(403));
    }
}
