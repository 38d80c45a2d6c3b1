package io.switchboard.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCodec;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import jakarta.inject.Inject;

/** Agents' changes through the API: each audited, each announced through the outbox, conflicts as 409. */
@QuarkusTest
class TicketCommandsApiTest {

    @Inject
    Api api;

    @Inject
    TestDb db;

    @Test
    void aStatusChangeFollowsTheStateMachineAndIsAnnounced() {
        UUID ticket = api.careTicket("The app crashes on start");
        long version = api.version(ticket);
        api.as("ava").body("{\"status\":\"PENDING_CUSTOMER\",\"reason\":\"asked for logs\",\"version\":" + version + "}")
                .put("/api/v1/tickets/{id}/status", ticket).then().statusCode(200)
                .body("status", equalTo("PENDING_CUSTOMER"))
                .body("version", equalTo((int) version + 1))
                .body("sla.find { it.clock == 'RESOLUTION' }.state", equalTo("PAUSED"));

        TicketStatusChanged changed = lastEvent(ticket, "switchboard.ticket.status.changed.v1", TicketStatusChanged.class);
        assertThat(changed.to().name()).isEqualTo("PENDING_CUSTOMER");
        assertThat(changed.reason()).isEqualTo("asked for logs");
        assertThat(changed.actor().id()).isEqualTo(subject("ava"));
        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action = 'STATUS_CHANGED'"
                + " and actor_id = $2", ticket, subject("ava"))).isEqualTo(1);
    }

    @Test
    void anInvalidTransitionIsA409ProblemAndChangesNothing() {
        UUID ticket = api.careTicket("Wrong item delivered");
        long version = api.version(ticket);
        api.as("ava").body("{\"status\":\"REOPENED\"}").put("/api/v1/tickets/{id}/status", ticket).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:invalid-transition"))
                .body("detail", containsString("NEW to REOPENED"));
        assertThat(api.version(ticket)).isEqualTo(version);
        api.as("ava").body("{\"status\":\"CLOSED\"}").put("/api/v1/tickets/{id}/status", ticket).then().statusCode(200);
        api.as("ava").body("{\"status\":\"OPEN\"}").put("/api/v1/tickets/{id}/status", ticket).then().statusCode(409)
                .body("detail", containsString("final"));
    }

    @Test
    void aChangeFromAStaleVersionIsA409AndDoesNotOverwrite() {
        UUID ticket = api.careTicket("Charged twice");
        long seen = api.version(ticket);
        api.as("ava").body("{\"priority\":\"HIGH\",\"version\":" + seen + "}").put("/api/v1/tickets/{id}/priority", ticket)
                .then().statusCode(200).body("priority", equalTo("HIGH"));
        // A colleague still looking at the old version tries to lower it.
        api.as("sam").body("{\"priority\":\"LOW\",\"version\":" + seen + "}").put("/api/v1/tickets/{id}/priority", ticket)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:stale-version"))
                .body("detail", containsString("version " + seen));
        assertThat(db.ticket(ticket).get("priority")).isEqualTo("HIGH");
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and ce_type = $2", ticket.toString(),
                "switchboard.ticket.priority.changed.v1")).isEqualTo(1);
    }

    @Test
    void tagsAreReplacedNormalisedAndAnnouncedWithWhatChanged() {
        UUID ticket = api.careTicket("Cannot log in");
        api.as("ava").body("{\"tags\":[\"Login\",\"vip\",\"login\"]}").put("/api/v1/tickets/{id}/tags", ticket).then()
                .statusCode(200).body("tags", equalTo(List.of("login", "vip")));
        api.as("ava").body("{\"tags\":[\"vip\",\"2fa\"]}").put("/api/v1/tickets/{id}/tags", ticket).then()
                .statusCode(200).body("tags", equalTo(List.of("2fa", "vip")));
        TicketTagsChanged changed = lastEvent(ticket, "switchboard.ticket.tags.changed.v1", TicketTagsChanged.class);
        assertThat(changed.added()).containsExactly("2fa");
        assertThat(changed.removed()).containsExactly("login");
        api.as("ava").body("{\"tags\":[\"<script>\"]}").put("/api/v1/tickets/{id}/tags", ticket).then().statusCode(400)
                .contentType("application/problem+json");
        api.as("ava").body("{\"tags\":\"vip-secret\"}").put("/api/v1/tickets/{id}/tags", ticket).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("tags"))
                .body("detail", not(containsString("vip-secret")));
        api.as("ava").body("{\"tags\": [").put("/api/v1/tickets/{id}/tags", ticket).then().statusCode(400)
                .contentType("application/problem+json");
        api.as("ava").body("{\"status\":\"SLEEPING\"}").put("/api/v1/tickets/{id}/status", ticket).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anInternalNoteJoinsTheConversationButNeverLeaves() {
        UUID ticket = api.careTicket("Account locked");
        api.as("ava").body("{\"text\":\"Checked: locked by the fraud filter\"}").post("/api/v1/tickets/{id}/notes", ticket)
                .then().statusCode(200)
                .body("messages", hasSize(2))
                .body("messages[1].kind", equalTo("INTERNAL_NOTE"))
                .body("messages[1].authorName", equalTo("Ava Lindqvist"))
                .body("messages[1].visibility", equalTo(null));
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and ce_type = $2", ticket.toString(),
                "switchboard.ticket.reply.requested.v1")).isZero();
        api.as("ava").body("{\"text\":\"   \"}").post("/api/v1/tickets/{id}/notes", ticket).then().statusCode(400);
    }

    @Test
    void aMergedTicketHandsItsConversationToTheOtherAndCloses() {
        String customer = Mentions.unique("merge");
        Api.Opened first = api.ticket(Api.CARE_BRAND, customer, "My order is late");
        api.as("ava").body("{\"status\":\"RESOLVED\"}").put("/api/v1/tickets/{id}/status", first.ticketId()).then()
                .statusCode(200);
        UUID duplicate = api.careTicket("Also: where is my order? (from another account)");
        UUID target = first.ticketId();
        api.as("ava").body("{\"status\":\"REOPENED\"}").put("/api/v1/tickets/{id}/status", target).then().statusCode(200);

        api.as("ava").body("{\"into\":\"" + target + "\"}").post("/api/v1/tickets/{id}/merge", duplicate).then()
                .statusCode(200)
                .body("id", equalTo(target.toString()))
                .body("messages", hasSize(2))
                .body("messages.mergedFromTicketId", hasItem(duplicate.toString()));
        api.as("ava").get("/api/v1/tickets/{id}", duplicate).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("mergedIntoId", equalTo(target.toString()))
                .body("messages", hasSize(0));
        TicketMerged merged = lastEvent(duplicate, "switchboard.ticket.merged.v1", TicketMerged.class);
        assertThat(merged.intoTicketId()).isEqualTo(target);
        assertThat(db.count("select count(*) from audit_entry where ticket_id = $1 and action = 'MERGED_FROM'", target))
                .isEqualTo(1);

        api.as("ava").body("{\"text\":\"hello\",\"visibility\":\"PRIVATE\"}").post("/api/v1/tickets/{id}/replies", duplicate)
                .then().statusCode(409).body("detail", containsString("merged"));
        api.as("ava").body("{\"into\":\"" + duplicate + "\"}").post("/api/v1/tickets/{id}/merge", target).then()
                .statusCode(409);
        api.as("ava").body("{\"into\":\"" + target + "\"}").post("/api/v1/tickets/{id}/merge", target).then()
                .statusCode(400);
        UUID otherTeams = api.techTicket("Router blinking");
        api.as("ava").body("{\"into\":\"" + otherTeams + "\"}").post("/api/v1/tickets/{id}/merge", target).then()
                .statusCode(404);
    }

    private <T> T lastEvent(UUID ticket, String ceType, Class<T> type) {
        var rows = db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2 order by seq desc limit 1",
                ticket.toString(), ceType);
        assertThat(rows).as(ceType + " of " + ticket).hasSize(1);
        return EventCodec.decode(rows.get(0).getBuffer(0).getBytes(), type);
    }

    private String subject(String user) {
        return api.as(user).get("/api/v1/me").then().statusCode(200).extract().path("subject");
    }
}
