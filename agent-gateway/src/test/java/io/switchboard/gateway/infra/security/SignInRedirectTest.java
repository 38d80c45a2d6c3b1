package io.switchboard.gateway.infra.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Without a session: the API answers 401 problem details, the app sends the browser to Keycloak (PKCE). */
@QuarkusTest
class SignInRedirectTest {

    @Test
    void theApiAnswers401ProblemDetailsNotARedirect() {
        given().redirects().follow(false)
                .when().get("/api/v1/session")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void theAppRedirectsABrowserToKeycloakWithPkce() {
        Response response = given().redirects().follow(false).accept("text/html")
                .when().get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).contains("/realms/switchboard/protocol/openid-connect/auth")
                .contains("client_id=agent-gateway")
                .contains("response_type=code")
                .contains("code_challenge_method=S256")
                .contains("code_challenge=")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + io.restassured.RestAssured.port + "%2Fauth%2Fcallback");
        // The state cookie of the sign-in in progress is HttpOnly too.
        assertThat(response.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("q_auth").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void theAppIsServedByTheGatewayWithNothingInline() {
        Response app = given().auth().oauth2(io.switchboard.platform.testing.KeycloakTokens.accessToken("ava"))
                .when().get("/");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.contentType()).startsWith("text/html");
        assertThat(app.header("Cache-Control")).isEqualTo("no-store");
        String html = app.asString();
        assertThat(html).contains("<div id=\"app\"></div>").containsPattern("<script type=\"module\"[^>]* src=\"/assets/[^\"]+\\.js\"");
        // Every script is a file: the CSP (script-src 'self') would refuse an inline one.
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("style=");
        String script = html.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        given().when().get(script).then().statusCode(200).header("Cache-Control", containsString("immutable"));
        given().when().get("/signed-out.html").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Response response = given().redirects().follow(false).when().get("/api/v1/session");
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'", "require-trusted-types-for 'script'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Permissions-Policy")).contains("camera=()");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");

        Response redirect = given().redirects().follow(false).accept("text/html").when().get("/");
        assertThat(redirect.header("Content-Security-Policy")).isEqualTo(csp);
    }
}
