package io.switchboard.system.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.switchboard.browser.Browser;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.system.harness.SystemStack;

/**
 * Without a session nothing answers but the login page: the gateway's API (and each service behind
 * it) says 401 in problem details, the app sends the browser to Keycloak, and an app whose session
 * is gone goes back to Keycloak at its next call.
 */
class SignInRequiredTest extends AgentAppTest {

    SignInRequiredTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void withoutASessionTheApiAnswers401AndTheAppSendsYouToSignIn() {
        given().baseUri(stack.baseUrl(Service.GATEWAY)).redirects().follow(false).get("/api/v1/inbox")
                .then().statusCode(401).contentType("application/problem+json");
        for (Service service : new Service[] { Service.TICKET, Service.ROUTING }) {
            given().baseUri(stack.baseUrl(service)).get("/api/v1/me").then().statusCode(401);
        }

        try (Browser browser = new Browser(stack.baseUrl(Service.GATEWAY))) {
            browser.open("/api/v1/inbox");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("\"status\":401");

            browser.open("/");
            browser.element(By.id("kc-form-login"));
            assertThat(browser.driver().getCurrentUrl())
                    .startsWith(stack.platform().realmUrl() + "/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256");

            // Signed in, then the session is lost: the app's next call gets 401 and it goes back to the login page.
            browser.signIn(DemoUsers.AVA);
            browser.element(By.cssSelector(".live.up"));
            browser.dropCookies();
            browser.element(By.xpath("//fieldset[contains(@class,'presence')]//label[normalize-space()='Away']")).click();
            browser.waitFor(d -> d.findElements(By.id("kc-form-login")).isEmpty() ? null : true, Duration.ofSeconds(30));
            assertThat(browser.driver().getCurrentUrl()).startsWith(stack.platform().realmUrl());
        }
    }
}
