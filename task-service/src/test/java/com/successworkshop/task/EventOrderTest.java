package com.successworkshop.task;

import com.successworkshop.task.support.Api;
import com.successworkshop.kit.testing.KafkaTestClient;
import com.successworkshop.task.support.TestInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.successworkshop.task.support.Api.manager;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer handles many engagements side by side, yet each engagement's events in the order they were published:
 * every engagement's services change three times, interleaved with the other engagements' changes, and only the last
 * change may decide which FTOP tasks are open.
 */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class EventOrderTest {

    private static final int ENGAGEMENTS = 40;

    @Test
    void eachEngagementEndsWithItsLastIntendedServices() {
        String partner = Api.partner();
        List<UUID> engagements = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            engagements.add(UUID.randomUUID());
        }
        // Round by round: all engagements' first event, then all second events, ... so that the keys are in flight together.
        List<String[]> rounds = List.of(new String[]{"OD"}, new String[]{"SPO"}, new String[]{"M365_APPS"}, new String[]{"OD", "SPO"});
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int round = 0; round < rounds.size(); round++) {
            for (UUID e : engagements) {
                records.add(round == 0
                        ? Api.event(e, "EngagementCreated", Api.engagementCreatedJson(e, partner, rounds.get(round)), UUID.randomUUID())
                        : Api.event(e, "IntendedServicesChanged", """
                                {"engagementId": "%s", "partnerId": "%s", "intendedServices": [%s], "added": [], "removed": []}"""
                                .formatted(e, partner, Api.quoted(rounds.get(round))), UUID.randomUUID()));
            }
        }
        KafkaTestClient.sendAll(records);

        for (UUID e : engagements) {
            // OD + SPO at the end: 2536, 3718 (OneDrive), 3737 (SharePoint) open; the Microsoft 365 Apps tasks 3734/3738 retired.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertEquals(Set.of(2536, 3718, 3737), openFtopTasks(partner, e), "open FTOP tasks of " + e));
            JsonPath all = manager(partner).queryParam("includeRetired", true).queryParam("size", 200)
                    .get("/api/v1/engagements/" + e + "/tasks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> retired = all.getList("items.findAll { it.retiredAt != null }");
            assertEquals(Set.of(3734, 3738), new TreeSet<>(retired.stream().map(t -> t.get("ftopTaskId")).toList()), "retired tasks of " + e);
        }
    }

    private static Set<Integer> openFtopTasks(String partner, UUID engagement) {
        var r = manager(partner).queryParam("size", 200).get("/api/v1/engagements/" + engagement + "/tasks");
        if (r.statusCode() != 200) {
            return Set.of();
        }
        return new TreeSet<>(r.jsonPath().<Integer>getList("items.findAll { it.ftopTaskId != null }.ftopTaskId"));
    }
}
