package io.switchboard.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.gateway.infra.security.CsrfProtection;
import io.switchboard.gateway.testing.BrowserlessSignIn;

/**
 * A browser session through Keycloak's real login form: the HttpOnly session cookie, CSRF protection
 * of cookie-authenticated writes, and a logout that ends the Keycloak session too.
 */
@QuarkusTest
class CookieSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserlessSignIn signedIn(String username) {
        return new BrowserlessSignIn(URI.create("http://localhost:" + RestAssured.port)).signIn(username);
    }

    @Test
    void theSessionLivesInAnHttpOnlySameSiteCookieAndNoTokenReachesTheApp() throws Exception {
        BrowserlessSignIn browser = signedIn("ava");
        assertThat(browser.sessionSetCookieHeaders()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_session").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> session = browser.send(browser.request("/api/v1/session").GET());
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(session.body());
        assertThat(body.path("username").asText()).isEqualTo("ava");
        assertThat(body.path("roles").toString()).contains("agent");
        assertThat(body.path("teams").toString()).contains("customer-care");
        assertThat(body.path("csrfToken").asText()).hasSize(43);
        // No token of any kind is handed to the page.
        assertThat(session.body()).doesNotContain("eyJ");
        assertThat(session.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(CsrfProtection.COOKIE + "=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    @Test
    void cookieWritesNeedTheCsrfToken() throws Exception {
        BrowserlessSignIn browser = signedIn("ava");
        String token = JSON.readTree(browser.send(browser.request("/api/v1/session").GET()).body()).path("csrfToken").asText();
        String away = "{\"presence\":\"AWAY\"}";

        HttpResponse<String> forged = browser.send(browser.request("/api/v1/presence")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(away)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> wrong = browser.send(browser.request("/api/v1/presence").header(CsrfProtection.HEADER, "x" + token.substring(1))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(away)));
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> genuine = browser.send(browser.request("/api/v1/presence").header(CsrfProtection.HEADER, token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(away)));
        assertThat(genuine.statusCode()).isEqualTo(200);
        // Reads need no token.
        assertThat(browser.send(browser.request("/api/v1/presence").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        BrowserlessSignIn browser = signedIn("sam");
        HttpResponse<String> logout = browser.get("/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = BrowserlessSignIn.location(logout);
        assertThat(endSession).contains("/realms/switchboard/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> keycloak = browser.get(URI.create(endSession));
        assertThat(keycloak.statusCode()).isEqualTo(302);
        assertThat(BrowserlessSignIn.location(keycloak)).startsWith("http://localhost:" + RestAssured.port + "/signed-out.html");

        // The gateway session is gone: the API says 401 ...
        assertThat(browser.send(browser.request("/api/v1/session").GET()).statusCode()).isEqualTo(401);
        // ... and Keycloak asks for the password again instead of signing the browser straight back in.
        HttpResponse<String> app = browser.get("/");
        assertThat(app.statusCode()).isEqualTo(302);
        HttpResponse<String> login = browser.get(URI.create(BrowserlessSignIn.location(app)));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("kc-form-login");
    }
}
