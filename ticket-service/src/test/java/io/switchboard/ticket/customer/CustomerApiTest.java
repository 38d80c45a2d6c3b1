package io.switchboard.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.ticket.testing.Api;
import io.switchboard.ticket.testing.Mentions;
import io.switchboard.ticket.testing.TestDb;
import io.switchboard.ticket.testing.TopicReader;
import jakarta.inject.Inject;

/** Customers across channels, linked and merged (and announced), exported and erased, through the API. */
@QuarkusTest
class CustomerApiTest {

    @Inject
    Api api;

    @Inject
    TestDb db;

    @Test
    void aCustomerIsShownWithTheirTicketsToWhoeverMaySeeOneOfThem() {
        String handle = Mentions.unique("shopper");
        UUID first = api.ticket(Api.CARE_BRAND, handle, "Order late").ticketId();
        UUID customer = customerOf(first);
        api.as("ava").get("/api/v1/customers/{id}", customer).then().statusCode(200)
                .body("id", equalTo(customer.toString()))
                .body("identities", hasSize(1))
                .body("identities[0].channel", equalTo("X"))
                .body("identities[0].platformId", equalTo(handle))
                .body("tickets.id", hasItem(first.toString()));
        api.as("mateo").get("/api/v1/customers/{id}", customer).then().statusCode(404)
                .body("type", equalTo("urn:switchboard:problem:customer-not-found"));
        api.as("ada").get("/api/v1/customers/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theSamePersonOnTwoChannelsIsLinkedAndMergedBySupervisorsAndBothAreAnnounced() {
        UUID onX = customerOf(api.ticket(Api.CARE_BRAND, Mentions.unique("xuser"), "Refund please").ticketId());
        UUID otherTicket = api.ticket(Api.CARE_BRAND, Mentions.unique("xalt"), "It's me again, other account").ticketId();
        UUID other = customerOf(otherTicket);
        String email = Mentions.unique("mail") + "@example.org";
        String link = "{\"channel\":\"ASK_US\",\"platformId\":\"" + email + "\",\"email\":\"" + email + "\"}";
        try (TopicReader topic = new TopicReader(Topics.TICKET_EVENTS)) {
            api.as("ava").body(link).post("/api/v1/customers/{id}/identities", onX).then().statusCode(403);
            api.as("sam").body(link).post("/api/v1/customers/{id}/identities", onX).then().statusCode(200)
                    .body("identities", hasSize(2))
                    .body("identities.channel", hasItem("ASK_US"));
            api.as("sam").body(link).post("/api/v1/customers/{id}/identities", other).then().statusCode(409);

            api.as("sam").body("{\"customerId\":\"" + other + "\"}").post("/api/v1/customers/{id}/merge", onX).then()
                    .statusCode(200)
                    .body("identities", hasSize(3))
                    .body("tickets", hasSize(2));
            api.as("sam").get("/api/v1/customers/{id}", other).then().statusCode(404); // its tickets moved on
            api.as("ada").get("/api/v1/customers/{id}", other).then().statusCode(200)
                    .body("mergedIntoId", equalTo(onX.toString()));
            assertThat(db.count("select count(*) from audit_entry where customer_id = $1 and action = 'CUSTOMER_MERGED_FROM'",
                    onX)).isEqualTo(1);

            // Both reach ticket-events keyed by the customer who remains, the link first.
            CustomerIdentityLinked linked = EventCodec.decode(topic.await(r -> onX.toString().equals(r.key())
                    && "switchboard.customer.identity.linked.v1".equals(TopicReader.header(r, "ce_type"))).value(),
                    CustomerIdentityLinked.class);
            assertThat(linked.channel()).isEqualTo(Channel.ASK_US);
            assertThat(linked.platformId()).isEqualTo(email);
            assertThat(linked.identityId()).isEqualTo(db.rows("select id from customer_identity where platform_id = $1",
                    email).get(0).getUUID(0));
            assertThat(linked.linkedBy().kind()).isEqualTo(Actor.Kind.AGENT);
            CustomersMerged merged = EventCodec.decode(topic.await(r -> onX.toString().equals(r.key())
                    && "switchboard.customer.merged.v1".equals(TopicReader.header(r, "ce_type"))).value(),
                    CustomersMerged.class);
            assertThat(merged.customerId()).isEqualTo(onX);
            assertThat(merged.mergedCustomerId()).isEqualTo(other);
            assertThat(merged.ticketIds()).containsExactly(otherTicket);
            assertThat(topic.records(onX.toString(), Duration.ZERO)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly("switchboard.customer.identity.linked.v1", "switchboard.customer.merged.v1");
        }
    }

    @Test
    void anAdminExportsEverythingAndErasureRemovesTheContentEverywhereAndIsAnnounced() {
        String handle = Mentions.unique("gdpr");
        Api.Opened opened = api.ticket(Api.CARE_BRAND, handle, "My address is 1 Main St, call me on +1 555 010 9999");
        UUID ticket = opened.ticketId();
        UUID customer = customerOf(ticket);
        api.as("ava").body("{\"text\":\"We will call you\",\"visibility\":\"PRIVATE\"}")
                .post("/api/v1/tickets/{id}/replies", ticket).then().statusCode(200);

        api.as("ava").get("/api/v1/customers/{id}/export", customer).then().statusCode(403);
        api.as("ada").get("/api/v1/customers/{id}/export", customer).then().statusCode(200)
                .body("exportedAt", notNullValue())
                .body("customer.identities[0].platformId", equalTo(handle))
                .body("tickets", hasSize(1))
                .body("tickets[0].ticket.messages.text", hasItem("My address is 1 Main St, call me on +1 555 010 9999"))
                .body("tickets[0].audit.action", hasItem("TICKET_OPENED"));
        assertThat(db.count("select count(*) from audit_entry where customer_id = $1 and action = 'CUSTOMER_EXPORTED'",
                customer)).isEqualTo(1);

        api.as("sam").delete("/api/v1/customers/{id}", customer).then().statusCode(403);
        api.as("ada").delete("/api/v1/customers/{id}", customer).then().statusCode(200)
                .body("ticketIds", equalTo(java.util.List.of(ticket.toString())))
                .body("identities", equalTo(1))
                .body("alreadyErased", equalTo(false));

        assertThat(db.count("select count(*) from message where ticket_id = $1 and text <> '[erased]'", ticket)).isZero();
        assertThat(db.count("select count(*) from message where ticket_id = $1 and (external_id is not null"
                + " or redacted_text is not null)", ticket)).isZero();
        assertThat(db.count("select count(*) from customer_identity where customer_id = $1", customer)).isZero();
        assertThat(db.count("select count(*) from customer_identity where platform_id = $1", handle)).isZero();
        assertThat(db.count("select count(*) from conversation where ticket_id = $1", ticket)).isZero();
        assertThat(db.ticket(ticket).get("summary")).isEqualTo("[erased]");
        assertThat(db.count("select count(*) from outbox_event where message_key = $1 and sent_at is not null",
                ticket.toString())).isZero();
        assertThat(db.count("select count(*) from audit_entry where customer_id = $1 and action = 'CUSTOMER_ERASED'",
                customer)).isEqualTo(1);
        var erased = db.rows("select payload from outbox_event where message_key = $1 and ce_type = $2",
                customer.toString(), "switchboard.customer.erased.v1");
        assertThat(erased).hasSize(1);
        CustomerErased event = EventCodec.decode(erased.get(0).getBuffer(0).getBytes(), CustomerErased.class);
        assertThat(event.identities()).extracting(CustomerErased.Identity::platformId).containsExactly(handle);
        assertThat(event.ticketIds()).containsExactly(ticket);

        // Asking again changes nothing and announces nothing new.
        api.as("ada").delete("/api/v1/customers/{id}", customer).then().statusCode(200)
                .body("alreadyErased", equalTo(true));
        assertThat(db.count("select count(*) from outbox_event where message_key = $1", customer.toString())).isEqualTo(1);
        api.as("ada").get("/api/v1/customers/{id}/export", customer).then().statusCode(200)
                .body("customer.erasedAt", notNullValue())
                .body("customer.identities", hasSize(0))
                .body("tickets[0].ticket.messages.text", everyItemIs("[erased]"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    private UUID customerOf(UUID ticket) {
        return UUID.fromString((String) db.ticket(ticket).get("customer_id"));
    }
}
