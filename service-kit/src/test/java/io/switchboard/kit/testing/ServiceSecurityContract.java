package io.switchboard.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.switchboard.platform.testing.KeycloakTokens;

/**
 * Bearer-token security as every service must have it, with real tokens from the real Keycloak.
 * Each service runs it with {@code @QuarkusTest class SecurityTest extends ServiceSecurityContract {}}.
 */

public abstract class ServiceSecurityContract {

    @Test
    public void noTokenIsTurnedAwayWith401() {
        given().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void aForgedTokenIsTurnedAwayWith401() {
        given().auth().oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    public void anAgentWithARealTokenIsLetIn() {
        given().auth().oauth2(KeycloakTokens.accessToken("ava"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("ava"))
                .body("subject", notNullValue())
                .body("roles", hasItem("agent"))
                .body("teams", hasItem("customer-care"));
    }

    @Test
    public void anAgentIsForbiddenFromAdminEndpointsWith403() {
        given().auth().oauth2(KeycloakTokens.accessToken("ava"))
                .when().get("/api/v1/ops/processed-events")
                .then().statusCode(403);
    }

    @Test
    public void anAdminReachesAdminEndpoints() {
        given().auth().oauth2(KeycloakTokens.accessToken("ada"))
                .when().get("/api/v1/ops/processed-events")
                .then().statusCode(200);
    }

    @Test
    public void probesNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
