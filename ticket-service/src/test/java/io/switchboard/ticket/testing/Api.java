package io.switchboard.ticket.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.platform.testing.KeycloakTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The API as the demo users call it (real tokens from the real Keycloak), and tickets created the
 * way production creates them: a mention on the real broker.
 */
@ApplicationScoped
public class Api {

    /** Our brand account served by customer-care (the default team) and the one served by tech-support. */
    public static final String CARE_BRAND = "acme_help";
    public static final String TECH_BRAND = "acme_tech";

    @Inject
    TestDb db;

    public RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON);
    }

    /** A ticket of customer-care opened by a new customer's post; returns its id. */
    public UUID careTicket(String text) {
        return ticket(CARE_BRAND, Mentions.unique("customer"), text).ticketId();
    }

    public UUID techTicket(String text) {
        return ticket(TECH_BRAND, Mentions.unique("customer"), text).ticketId();
    }

    public record Opened(UUID ticketId, MentionReceived mention) {
    }

    public Opened ticket(String brand, String customer, String text) {
        MentionReceived mention = Mentions.rootPost(brand, customer, text, Instant.now());
        publish(mention);
        return new Opened(db.awaitThreaded(mention.mentionId()), mention);
    }

    public void publish(MentionReceived mention) {
        Upstream.mentionService().publish(mention);
    }

    /** The ticket's current version, as a client would have read it. */
    public long version(UUID ticket) {
        return (Long) db.ticket(ticket).get("version");
    }
}
