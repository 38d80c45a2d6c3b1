package io.switchboard.routing.queue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.routing.infra.ApiTest;
import io.switchboard.routing.testing.Scenario;

/** Placement rules over REST: admins only, validated, and used for the next tickets. */
@QuarkusTest
class RuleResourceTest extends ApiTest {

    @Test
    void anAdminCreatesReadsChangesAndDeletesARule() {
        Scenario s = scenario();
        String tag = s.id("tag");
        String location = as("ada").body(Map.of("position", -50, "name", "VIP", "queueId", s.id("cc"), "tags", List.of(tag),
                "channels", List.of("x", "MASTODON"), "priorities", List.of("urgent"))).post("/api/v1/rules")
                .then().statusCode(201)
                .body("queueId", equalTo(s.id("cc")))
                .body("channels", hasItem("MASTODON"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as("ada").get("/api/v1/rules").then().statusCode(200).body("id", hasItem(id));
        as("ada").get("/api/v1/rules/" + id).then().statusCode(200).body("name", equalTo("VIP"));

        as("ada").body(Map.of("position", -50, "name", "VIP (off)", "queueId", s.id("cc"), "tags", List.of(tag),
                "enabled", false)).put("/api/v1/rules/" + id).then().statusCode(200).body("enabled", equalTo(false));

        as("ada").delete("/api/v1/rules/" + id).then().statusCode(204);
        as("ada").get("/api/v1/rules/" + id).then().statusCode(404).contentType("application/problem+json");
        as("ada").get("/api/v1/rules").then().body("id", not(hasItem(id)));
    }

    @Test
    void badRulesAreRefused() {
        as("ada").body(Map.of("position", 1, "name", "x", "queueId", "no-such-queue")).post("/api/v1/rules")
                .then().statusCode(400).body("detail", containsString("no queue"));
        as("ada").body(Map.of("position", 1, "name", "x", "queueId", "customer-care", "intents", List.of("GOSSIP")))
                .post("/api/v1/rules").then().statusCode(400).body("detail", containsString("intents"));
        as("ada").body(Map.of("name", "x", "queueId", "customer-care")).post("/api/v1/rules")
                .then().statusCode(400).body("detail", containsString("position"));
        as("ada").body("[1, 2").post("/api/v1/rules").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageRules() {
        as("sam").get("/api/v1/rules").then().statusCode(403);
        as("ava").body(Map.of("position", 1, "name", "x", "queueId", "customer-care")).post("/api/v1/rules")
                .then().statusCode(403);
    }
}
