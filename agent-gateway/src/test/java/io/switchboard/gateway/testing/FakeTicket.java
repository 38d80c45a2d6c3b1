package io.switchboard.gateway.testing;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a ticket in the fake ticket-service, in the shape ticket-service lists and shows it. */
public final class FakeTicket {

    private final FakeDownstream fake;
    private final ObjectNode ticket = FakeDownstream.json().createObjectNode();
    private final ArrayNode thread = FakeDownstream.json().createArrayNode();
    private final ArrayNode identities = FakeDownstream.json().createArrayNode();
    private final UUID id = UUID.randomUUID();
    private UUID customerId = UUID.randomUUID();

    FakeTicket(FakeDownstream fake) {
        this.fake = fake;
        ticket.put("id", id.toString());
        ticket.put("reference", "SW-" + (10000 + Math.abs(id.hashCode() % 90000)));
        ticket.put("channel", "X");
        ticket.put("status", "OPEN");
        ticket.put("priority", "NORMAL");
        ticket.put("language", "en");
        ticket.put("intent", "COMPLAINT");
        ticket.putObject("sentiment").put("label", "NEGATIVE").put("score", -0.6);
        ticket.put("team", "customer-care");
        ticket.put("summary", "My order never arrived");
        ticket.put("slaDueAt", Instant.now().plusSeconds(1800).toString());
        ticket.put("createdAt", Instant.now().minusSeconds(600).toString());
        ticket.put("updatedAt", Instant.now().toString());
        ticket.put("piiFound", false);
        ticket.putArray("tags");
        ticket.put("visibility", "PUBLIC");
        ticket.put("version", 1);
        customer("@casey", "Casey Customer");
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public FakeTicket reference(String reference) {
        ticket.put("reference", reference);
        return this;
    }

    public FakeTicket assignee(String agentSubject) {
        ticket.put("assigneeId", agentSubject);
        return this;
    }

    public FakeTicket team(String team) {
        ticket.put("team", team);
        return this;
    }

    public FakeTicket channel(String channel) {
        ticket.put("channel", channel);
        return this;
    }

    public FakeTicket priority(String priority) {
        ticket.put("priority", priority);
        return this;
    }

    public FakeTicket slaDueAt(Instant due) {
        if (due == null) {
            ticket.putNull("slaDueAt");
        } else {
            ticket.put("slaDueAt", due.toString());
        }
        return this;
    }

    public FakeTicket summary(String summary) {
        ticket.put("summary", summary);
        return this;
    }

    public FakeTicket piiFound(boolean found) {
        ticket.put("piiFound", found);
        return this;
    }

    public FakeTicket sentiment(String label, double score) {
        ticket.putObject("sentiment").put("label", label).put("score", score);
        return this;
    }

    public FakeTicket intent(String intent) {
        ticket.put("intent", intent);
        return this;
    }

    public FakeTicket customer(String handle, String displayName) {
        return customer(customerId, handle, displayName);
    }

    public FakeTicket customer(UUID id, String handle, String displayName) {
        customerId = id;
        ticket.putObject("customer").put("customerId", id.toString()).put("handle", handle).put("displayName", displayName);
        identities.removeAll();
        identities.addObject().put("channel", ticket.path("channel").asText()).put("handle", handle);
        return this;
    }

    public FakeTicket customerMessage(String text) {
        ObjectNode m = thread.addObject();
        m.put("messageId", UUID.randomUUID().toString());
        m.put("kind", "CUSTOMER");
        m.putObject("author").put("id", customerId.toString())
                .put("displayName", ticket.path("customer").path("displayName").asText());
        m.put("text", text);
        m.put("visibility", "PUBLIC");
        m.put("createdAt", Instant.now().minusSeconds(300).toString());
        m.putArray("pii");
        return this;
    }

    public FakeTicket agentReply(String text, String delivery) {
        ObjectNode m = thread.addObject();
        m.put("messageId", UUID.randomUUID().toString());
        m.put("kind", "AGENT_REPLY");
        m.putObject("author").put("id", "agent").put("displayName", "An Agent");
        m.put("text", text);
        m.put("visibility", "PUBLIC");
        m.put("delivery", delivery);
        m.put("createdAt", Instant.now().minusSeconds(200).toString());
        return this;
    }

    public FakeTicket note(String text) {
        ObjectNode m = thread.addObject();
        m.put("messageId", UUID.randomUUID().toString());
        m.put("kind", "INTERNAL_NOTE");
        m.putObject("author").put("id", "agent").put("displayName", "An Agent");
        m.put("text", text);
        m.put("createdAt", Instant.now().minusSeconds(100).toString());
        return this;
    }

    /** Puts it into the fake (again, after changes). */
    public FakeTicket save() {
        fake.put(ticket, thread, customerId, identities);
        return this;
    }
}
