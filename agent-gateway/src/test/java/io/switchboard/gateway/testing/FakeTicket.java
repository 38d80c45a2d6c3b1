package io.switchboard.gateway.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a ticket in the fake ticket-service, in ticket-service's TicketDetail shape (with its
 * customer, SLA clocks and conversation), and the customer behind it.
 */
public final class FakeTicket {

    private final FakeTicketService service;
    private final ObjectNode ticket = FakeDownstream.json().createObjectNode();
    private final ObjectNode customer = FakeDownstream.json().createObjectNode();
    private final UUID id = UUID.randomUUID();
    private final Instant createdAt = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS);

    FakeTicket(FakeTicketService service) {
        this.service = service;
        ticket.put("id", id.toString());
        ticket.put("reference", "SW-" + (10000 + Math.abs(id.hashCode() % 90000)));
        ticket.put("channel", "X");
        ticket.putNull("brandAccount");
        ticket.put("conversationId", "c-" + id);
        ticket.put("visibility", "PUBLIC");
        ticket.put("status", "OPEN");
        ticket.put("priority", "NORMAL");
        ticket.put("team", "customer-care");
        ticket.put("queueId", "customer-care");
        ticket.putNull("assigneeId");
        ticket.put("summary", "My order never arrived");
        ticket.put("language", "en");
        ticket.put("intent", "COMPLAINT");
        ticket.put("sentiment", "NEGATIVE");
        ticket.putArray("tags");
        ticket.putNull("previousTicketId");
        ticket.putNull("mergedIntoId");
        ticket.putNull("lastCustomerMessageAt");
        ticket.putNull("lastAgentReplyAt");
        ticket.putNull("resolvedAt");
        ticket.putNull("closedAt");
        ticket.put("createdAt", createdAt.toString());
        ticket.put("updatedAt", createdAt.toString());
        ticket.put("version", 1);
        ticket.putArray("sla");
        ticket.putArray("messages");
        customer(UUID.randomUUID(), "@casey", "Casey Customer");
        slaDueAt(Instant.now().plusSeconds(1800));
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return UUID.fromString(customer.get("id").asText());
    }

    public FakeTicket reference(String reference) {
        ticket.put("reference", reference);
        return this;
    }

    public FakeTicket assignee(String agentSubject) {
        ticket.put("assigneeId", agentSubject);
        return this;
    }

    /** The ticket's team, and its queue: routing's team-default queue of that team has the team's name. */
    public FakeTicket team(String team) {
        ticket.put("team", team);
        ticket.put("queueId", team);
        return this;
    }

    public FakeTicket queue(String queueId) {
        ticket.put("queueId", queueId);
        return this;
    }

    public FakeTicket channel(String channel) {
        ticket.put("channel", channel);
        customer.withArray("identities").forEach(i -> ((ObjectNode) i).put("channel", channel));
        return this;
    }

    public FakeTicket status(String status) {
        ticket.put("status", status);
        return this;
    }

    public FakeTicket priority(String priority) {
        ticket.put("priority", priority);
        return this;
    }

    public FakeTicket visibility(String visibility) {
        ticket.put("visibility", visibility);
        return this;
    }

    /** One running first-response clock due then (breached if that is past), or no clock at all (null). */
    public FakeTicket slaDueAt(Instant due) {
        ArrayNode clocks = ticket.putArray("sla");
        if (due != null) {
            boolean breached = due.isBefore(Instant.now());
            ObjectNode clock = clocks.addObject();
            clock.put("clock", "FIRST_RESPONSE");
            clock.put("state", breached ? "BREACHED" : "RUNNING");
            clock.put("startedAt", createdAt.toString());
            clock.put("dueAt", due.truncatedTo(ChronoUnit.MICROS).toString());
            clock.put("warnedAt", breached ? due.toString() : null);
            clock.put("breachedAt", breached ? due.toString() : null);
            clock.putNull("stoppedAt");
        }
        return this;
    }

    /** The SlaScanner warned: the running clock is past its warning point (the ticket is AT_RISK). */
    public FakeTicket slaWarned() {
        ticket.withArray("sla").forEach(c -> ((ObjectNode) c).put("warnedAt", Instant.now().toString()));
        return this;
    }

    public FakeTicket summary(String summary) {
        ticket.put("summary", summary);
        return this;
    }

    public FakeTicket sentiment(String label) {
        ticket.put("sentiment", label);
        return this;
    }

    public FakeTicket intent(String intent) {
        ticket.put("intent", intent);
        return this;
    }

    public FakeTicket customer(String handle, String displayName) {
        return customer(customerId(), handle, displayName);
    }

    /** The customer (an existing one when the id is known), as the ticket shows them and with their identity on its channel. */
    public FakeTicket customer(UUID customerId, String handle, String displayName) {
        ticket.putObject("customer").put("id", customerId.toString()).put("displayName", displayName).put("handle", handle)
                .put("followerCount", 120);
        customer.removeAll();
        customer.put("id", customerId.toString()).put("displayName", displayName).putNull("mergedIntoId").putNull("erasedAt")
                .put("createdAt", createdAt.toString());
        ObjectNode identity = customer.putArray("identities").addObject();
        identity.put("id", UUID.randomUUID().toString()).put("channel", ticket.path("channel").asText())
                .put("platformId", "p-" + handle).put("handle", handle).put("displayName", displayName)
                .put("followerCount", 120).put("verified", false).putNull("email").put("since", createdAt.toString());
        return this;
    }

    public FakeTicket customerMessage(String text) {
        ObjectNode m = message("CUSTOMER", customerId().toString(), ticket.path("customer").path("displayName").asText(), text);
        m.put("visibility", ticket.path("visibility").asText());
        m.put("externalId", "17900" + Math.abs(text.hashCode()));
        m.put("postedAt", Instant.now().minusSeconds(300).toString());
        ticket.put("lastCustomerMessageAt", m.get("createdAt").asText());
        return this;
    }

    public FakeTicket agentReply(String text, String delivery) {
        ObjectNode m = message("AGENT_REPLY", "agent", "An Agent", text);
        m.put("visibility", "PUBLIC");
        m.put("replyId", UUID.randomUUID().toString());
        m.putObject("delivery").put("state", delivery).putNull("externalPostId").putNull("detail").putNull("changedAt");
        return this;
    }

    public FakeTicket note(String text) {
        message("INTERNAL_NOTE", "agent", "An Agent", text);
        return this;
    }

    private ObjectNode message(String kind, String authorId, String authorName, String text) {
        // Oldest first, as the conversation lists them.
        Instant at = Instant.now().minusSeconds(300 - ticket.withArray("messages").size() * 10L);
        return FakeTicketService.message(ticket, kind, authorId, authorName, text, null, at);
    }

    /** Puts it into the fake (again, after changes). */
    public FakeTicket save() {
        service.put(ticket.deepCopy(), customer.deepCopy());
        return this;
    }
}
