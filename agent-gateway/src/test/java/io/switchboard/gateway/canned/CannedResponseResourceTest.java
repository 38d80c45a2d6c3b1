package io.switchboard.gateway.canned;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.gateway.testing.DemoAgents;

/** Team libraries of canned responses, in the gateway's own database: agents read, supervisors manage. */
@QuarkusTest
class CannedResponseResourceTest {

    @Test
    void agentsReadTheirTeamsLibraryOnly() {
        given().auth().oauth2(DemoAgents.token("ava"))
                .when().get("/api/v1/canned-responses")
                .then().statusCode(200)
                .body("team", everyItem(equalTo("customer-care")))
                .body("title", hasItem("Sorry, looking into it"));
        given().auth().oauth2(DemoAgents.token("mateo"))
                .when().get("/api/v1/canned-responses")
                .then().statusCode(200)
                .body("team", everyItem(equalTo("tech-support")));
    }

    @Test
    void supervisorsManageTheirTeamsLibrary() {
        String title = "Refund " + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("team", "customer-care", "title", title, "body", "Hi {{customer.name}}, your refund is on its way."))
                .when().post("/api/v1/canned-responses")
                .then().statusCode(201)
                .body("updatedBy", equalTo("sam"))
                .extract().path("id");

        given().auth().oauth2(DemoAgents.token("ava")).when().get("/api/v1/canned-responses")
                .then().body("title", hasItem(title));

        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("team", "customer-care", "title", title, "body", "Changed"))
                .when().put("/api/v1/canned-responses/{id}", id)
                .then().statusCode(200)
                .body("body", equalTo("Changed"));

        given().auth().oauth2(DemoAgents.token("sam")).when().delete("/api/v1/canned-responses/{id}", id)
                .then().statusCode(204);
        given().auth().oauth2(DemoAgents.token("ava")).when().get("/api/v1/canned-responses")
                .then().body("title", not(hasItem(title)));
    }

    @Test
    void agentsAndOtherTeamsCannotChangeALibrary() {
        given().auth().oauth2(DemoAgents.token("ava")).contentType(ContentType.JSON)
                .body(Map.of("team", "customer-care", "title", "Mine", "body", "x"))
                .when().post("/api/v1/canned-responses")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("team", "billing", "title", "Not mine", "body", "x"))
                .when().post("/api/v1/canned-responses")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DemoAgents.token("sam")).contentType(ContentType.JSON)
                .body(Map.of("team", "customer-care", "title", "", "body", "x"))
                .when().post("/api/v1/canned-responses")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DemoAgents.token("sam"))
                .when().delete("/api/v1/canned-responses/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }
}
