package com.successworkshop.task;

import com.successworkshop.task.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.successworkshop.task.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FM's inbox: FastTrack Manager tasks are the engagement's FM's without anyone assigning them, and follow a new FM. */
@QuarkusTest
class FmInboxTest {

    private static final String FM_ROLE = "FastTrack Manager";

    @Test
    void fmRoleTasksAreInTheFmsInboxAndFollowAChangeOfFm() {
        String partner = Api.partner();
        String fm = "fm@" + partner + ".example";
        String next = "aiko.fm@" + partner + ".example";
        UUID engagement = UUID.randomUUID();
        Api.publish(engagement, "EngagementCreated", Api.engagementCreatedJson(engagement, partner, "OD")
                .replace("fm@x.example", fm));
        JsonPath tasks = Api.awaitTasks(partner, engagement, 1);
        List<Map<String, Object>> mine = tasks.getList("items.findAll { it.fastTrackRole == '" + FM_ROLE + "' }");
        List<Map<String, Object>> others = tasks.getList("items.findAll { it.fastTrackRole != '" + FM_ROLE + "' }");
        assertTrue(mine.size() >= 2, "FM-role tasks for OD: " + tasks.prettify());
        mine.forEach(t -> assertEquals(fm, t.get("assignee"), "FM-role task " + t.get("name")));
        others.forEach(t -> assertEquals(null, t.get("assignee"), "not an FM task: " + t.get("name")));

        // The FM's inbox (GET /api/v1/tasks defaults to the caller: the token's name is the FM's address).
        manager(partner).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .body("total", equalTo(mine.size())).body("items.assignee", everyItem(equalTo(fm)));

        // One FM task deliberately handed to someone else stays theirs when the FM changes.
        String handed = (String) mine.getFirst().get("id");
        String url = "/api/v1/tasks/" + handed;
        String etag = manager(partner).get(url).then().statusCode(200).extract().header("ETag");
        manager(partner).header("If-Match", etag).body(Map.of("assignee", "deputy@" + partner + ".example")).patch(url).then().statusCode(200);

        UUID eventId = UUID.randomUUID();
        String changed = """
                {"engagementId": "%s", "partnerId": "%s", "previousFastTrackManager": "%s", "fastTrackManager": "%s"}"""
                .formatted(engagement, partner, fm, next);
        Api.publish(engagement, "FastTrackManagerChanged", changed, eventId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> manager(partner).queryParam("assignee", next).queryParam("size", 200)
                .get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(mine.size() - 1)));
        Api.publish(engagement, "FastTrackManagerChanged", changed, eventId);
        manager(partner).get(url).then().body("assignee", equalTo("deputy@" + partner + ".example"));
        manager(partner).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(0));

        // Another partner's FM of the same name sees none of them.
        manager(Api.partner()).queryParam("assignee", next).get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(0));
    }
}
