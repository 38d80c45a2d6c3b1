package io.switchboard.ticket.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.testing.KeycloakTokens;

/** Bearer-token security with real tokens from the real Keycloak. */
@QuarkusTest
class SecurityTest {

    @Test
    void noTokenIsTurnedAwayWith401() {
        given().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsTurnedAwayWith401() {
        given().auth().oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anAgentWithARealTokenIsLetIn() {
        given().auth().oauth2(KeycloakTokens.accessToken("ava"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("ava"))
                .body("subject", notNullValue())
                .body("roles", hasItem("agent"))
                .body("teams", hasItem("customer-care"));
    }

    @Test
    void anAgentIsForbiddenFromAdminEndpointsWith403() {
        given().auth().oauth2(KeycloakTokens.accessToken("ava"))
                .when().get("/api/v1/ops/processed-events")
                .then().statusCode(403);
    }

    @Test
    void anAdminReachesAdminEndpoints() {
        given().auth().oauth2(KeycloakTokens.accessToken("ada"))
                .when().get("/api/v1/ops/processed-events")
                .then().statusCode(200);
    }

    @Test
    void probesNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
