package io.switchboard.ticket.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Visibility;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import jakarta.inject.Inject;

/** Replies through the API: checked against the channel, recorded, handed to mention-service via the outbox. */
@QuarkusTest
class ReplyApiTest {

    @Inject
    Api api;

    @Inject
    TestDb db;

    @Test
    void aPublicReplyIsRecordedAsPendingAndRequestedInTheThreadItAnswers() {
        String customer = Mentions.unique("reply");
        Api.Opened opened = api.ticket(Api.CARE_BRAND, customer, "My order has not arrived");
        UUID ticket = opened.ticketId();
        api.as("ava").body("{\"text\":\"Sorry about that! We are checking with the courier now.\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("messages", hasSize(2))
                .body("messages[1].kind", equalTo("AGENT_REPLY"))
                .body("messages[1].visibility", equalTo("PUBLIC"))
                .body("messages[1].delivery.state", equalTo("PENDING"))
                // Signed with the agent's name from the token (given_name family_name), not the username.
                .body("messages[1].authorName", equalTo("Ava Lindqvist"))
                .body("sla.find { it.clock == 'FIRST_RESPONSE' }.state", equalTo("MET"));

        ReplyRequested requested = replyRequested(ticket);
        assertThat(requested.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(requested.inReplyToExternalId()).isEqualTo(opened.mention().externalId());
        assertThat(requested.conversationId()).isEqualTo(opened.mention().conversationId());
        assertThat(requested.recipient().platformId()).isEqualTo(customer);
        assertThat(requested.brandAccount()).isEqualTo(Api.CARE_BRAND);
        assertThat(requested.text()).isEqualTo("Sorry about that! We are checking with the courier now.");
        assertThat(db.count("select count(*) from message where reply_id = $1 and delivery_state = 'PENDING'",
                requested.replyId())).isEqualTo(1);
    }

    @Test
    void aPublicXReplyOver280CharactersIsRefusedWithTheOfferToAnswerPrivately() {
        UUID ticket = api.careTicket("Explain your refund policy please");
        long version = api.version(ticket);
        String text = "a".repeat(281);
        api.as("ava").body("{\"text\":\"" + text + "\"}").post("/api/v1/tickets/{id}/replies", ticket).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:reply-too-long"))
                .body("detail", containsString("281"))
                .body("detail", containsString("280"))
                .body("suggestedVisibility", equalTo("PRIVATE"));
        assertThat(api.version(ticket)).as("nothing was written").isEqualTo(version);
        // Exactly 280 fits; a link counts 23 however long it is.
        api.as("ava").body("{\"text\":\"" + "b".repeat(250) + " https://help.example.com/" + "x".repeat(100) + "\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200);
        api.as("ava").body("{\"text\":\"" + "c".repeat(280) + "\"}").post("/api/v1/tickets/{id}/replies", ticket).then()
                .statusCode(200);
        api.as("ava").body("{\"text\":\"" + text + "\",\"visibility\":\"PRIVATE\"}").post("/api/v1/tickets/{id}/replies", ticket)
                .then().statusCode(200);
    }

    @Test
    void aPublicReplyWithPersonalDataIsRefusedWithAClearReasonAndAPrivateOneGoesOut() {
        UUID ticket = api.careTicket("I cannot access my account");
        String text = "Hi! We reset it: mail us at jane.doe@example.com or call +44 20 7946 0958.";
        api.as("ava").body("{\"text\":\"" + text + "\"}").post("/api/v1/tickets/{id}/replies", ticket).then()
                .statusCode(422)
                .body("type", equalTo("urn:switchboard:problem:personal-data-in-public-reply"))
                .body("detail", containsString("an e-mail address"))
                .body("detail", containsString("a phone number"))
                .body("detail", containsString("PRIVATE"))
                .body("suggestedVisibility", equalTo("PRIVATE"))
                .body("personalData.type", equalTo(java.util.List.of("EMAIL", "PHONE")))
                .body("personalData[0].start", equalTo(text.indexOf("jane")));
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and ce_type = $2",
                ticket.toString(), "switchboard.ticket.reply.requested.v1")).isZero();

        api.as("ava").body("{\"text\":\"" + text + "\",\"visibility\":\"PRIVATE\",\"status\":\"PENDING_CUSTOMER\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200)
                .body("status", equalTo("PENDING_CUSTOMER"))
                .body("messages[1].visibility", equalTo("PRIVATE"));
        ReplyRequested requested = replyRequested(ticket);
        assertThat(requested.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(requested.inReplyToExternalId()).isNull();
    }

    @Test
    void aReplyToAClosedTicketOrWithAnInvalidFollowUpStatusIsAConflict() {
        UUID ticket = api.careTicket("Thanks, solved");
        api.as("ava").body("{\"text\":\"Glad to help\",\"status\":\"REOPENED\"}").post("/api/v1/tickets/{id}/replies", ticket)
                .then().statusCode(409).body("type", equalTo("urn:switchboard:problem:invalid-transition"));
        api.as("ava").body("{\"status\":\"CLOSED\"}").put("/api/v1/tickets/{id}/status", ticket).then().statusCode(200);
        api.as("ava").body("{\"text\":\"Hello?\"}").post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(409)
                .body("detail", containsString("closed"));
        api.as("ava").body("{}").post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(400)
                .body("detail", containsString("text"));
        api.as("ava").body("{\"text\":\"x\",\"visibility\":\"SHOUTED\"}").post("/api/v1/tickets/{id}/replies", ticket)
                .then().statusCode(400).body("instance", containsString(ticket.toString()));
        api.as("ava").body("{\"text\":\"x\"}").post("/api/v1/tickets/{id}/replies", UUID.randomUUID()).then()
                .statusCode(404).body("delivery", nullValue());
    }

    private ReplyRequested replyRequested(UUID ticket) {
        var rows = db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2 order by seq desc limit 1",
                ticket.toString(), "switchboard.ticket.reply.requested.v1");
        assertThat(rows).hasSize(1);
        return EventCodec.decode(rows.get(0).getBuffer(0).getBytes(), ReplyRequested.class);
    }
}
