package io.switchboard.routing.infra;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.routing.testing.ScenarioTest;

/** REST tests: requests as a demo user with a real token from the test platform's Keycloak. */
public abstract class ApiTest extends ScenarioTest {

    protected static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON);
    }

    protected static String subjectOf(String user) {
        return (String) KeycloakTokens.claims(KeycloakTokens.accessToken(user)).get("sub");
    }
}
