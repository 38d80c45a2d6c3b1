package io.switchboard.events;

import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Contact;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Media;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.mention.Triage;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.events.ticket.TicketVisibilityChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One fully populated sample of every event, telling one story: a customer complains on X about
 * a late order, a ticket opens, routing queues and assigns it, the agent replies.
 */
final class EventSamples {

    static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
    static final UUID MENTION = UUID.fromString("0b6f1f3e-5d1a-4a57-9a44-0c1f6a0e2a11");
    static final UUID TICKET = UUID.fromString("5f0c9a7e-2b1d-4c3e-8f4a-6d7e8f9a0b12");
    static final UUID OTHER_TICKET = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c13");
    static final UUID CUSTOMER = UUID.fromString("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e14");
    static final UUID MESSAGE = UUID.fromString("d3e4f5a6-b7c8-4d9e-8f0a-2b3c4d5e6f15");
    static final UUID REPLY_MESSAGE = UUID.fromString("e4f5a6b7-c8d9-4e0f-9a1b-3c4d5e6f7a16");
    static final UUID REPLY = UUID.fromString("f5a6b7c8-d9e0-4f1a-8b2c-4d5e6f7a8b17");
    static final String AGENT = "9b2d3c4e-1f0a-4b5c-8d6e-7f8a9b0c1d2e";
    static final String SUPERVISOR = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    static final UUID OTHER_CUSTOMER = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c18");
    static final String CONVERSATION = "1897000000000000001";

    private EventSamples() {
    }

    static List<SwitchboardEvent> all() {
        return List.of(
                mentionReceived(),
                ticketOpened(),
                customerMessageAdded(),
                messageDeliveryChanged(),
                ticketStatusChanged(),
                ticketPriorityChanged(),
                ticketTagsChanged(),
                ticketVisibilityChanged(),
                ticketMerged(),
                replyRequested(),
                slaWarning(),
                slaBreached(),
                customerIdentityLinked(),
                customersMerged(),
                customerErased(),
                assignmentDecided(),
                assignmentReleased(),
                ticketQueued(),
                agentPresenceChanged(),
                replyDelivered(),
                replyFailed());
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    static MentionReceived mentionReceived() {
        String text = "@acme_help my order #A-48213 still hasn't arrived after 2 weeks. Call me on +44 7700 900123";
        return new MentionReceived(id(1), T0.plusMillis(120), MENTION, Channel.X, CONVERSATION, CONVERSATION, null,
                "@acme_help",
                new Author("2244994945", "jo_walker", "Jo Walker", 1840, false),
                text, "en", T0.minusSeconds(3), T0.plusMillis(40),
                "https://x.com/jo_walker/status/1897000000000000001",
                List.of("https://acme.example/orders/A-48213"),
                List.of(new Media(Media.Kind.IMAGE, "https://pbs.twimg.example/media/parcel.jpg", "An empty doorstep")),
                Visibility.PUBLIC, "x-account-activity", new Contact("jo.walker@example.org"),
                new Triage("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.82), Intent.COMPLAINT,
                        List.of(new PiiFinding(PiiFinding.Type.ORDER_NUMBER, 20, 28),
                                new PiiFinding(PiiFinding.Type.PHONE, 76, 91)),
                        "@acme_help my order ######## still hasn't arrived after 2 weeks. Call me on ###############",
                        false, false, 78, true, List.of("negative-sentiment", "complaint", "delivery")));
    }

    static TicketOpened ticketOpened() {
        return new TicketOpened(id(2), T0.plusMillis(310), TICKET, "SW-10423", Channel.X, "@acme_help", CONVERSATION,
                Visibility.PUBLIC, MENTION, new Customer(CUSTOMER, "jo_walker", "Jo Walker", 1840), "en",
                Intent.COMPLAINT, new Sentiment(Sentiment.Label.NEGATIVE, -0.82), Priority.HIGH,
                List.of("delivery", "late-order"), "orders-en", AGENT, T0.plusSeconds(3600));
    }

    static MessageAdded customerMessageAdded() {
        return new MessageAdded(id(3), T0.plusMillis(310), TICKET, MESSAGE, MessageAdded.Kind.CUSTOMER,
                new MessageAdded.Author(CUSTOMER.toString(), "Jo Walker"),
                "@acme_help my order #A-48213 still hasn't arrived after 2 weeks.", Visibility.PUBLIC, MENTION,
                CONVERSATION, null, null);
    }

    static MessageAdded agentReplyAdded() {
        return new MessageAdded(id(30), T0.plusSeconds(240), TICKET, REPLY_MESSAGE, MessageAdded.Kind.AGENT_REPLY,
                new MessageAdded.Author(AGENT, "Ana (Acme)"), "Sorry Jo! We've sent you a DM to sort this out.",
                Visibility.PUBLIC, null, null, REPLY, DeliveryState.PENDING);
    }

    static MessageDeliveryChanged messageDeliveryChanged() {
        return new MessageDeliveryChanged(id(4), T0.plusSeconds(242), TICKET, REPLY_MESSAGE, REPLY,
                DeliveryState.FAILED, null, "X is rate-limiting our account; try again in 15 minutes.", true);
    }

    static TicketStatusChanged ticketStatusChanged() {
        return new TicketStatusChanged(id(5), T0.plusSeconds(241), TICKET, TicketStatus.OPEN,
                TicketStatus.PENDING_CUSTOMER, Actor.agent(AGENT), "Asked for the delivery address");
    }

    static TicketPriorityChanged ticketPriorityChanged() {
        return new TicketPriorityChanged(id(6), T0.plusSeconds(3000), TICKET, Priority.HIGH, Priority.URGENT,
                Actor.system("sla-timer"), "First response due in 10 minutes");
    }

    static TicketTagsChanged ticketTagsChanged() {
        return new TicketTagsChanged(id(7), T0.plusSeconds(200), TICKET, List.of("courier-dpd"), List.of("late-order"),
                List.of("delivery", "courier-dpd"), Actor.agent(AGENT));
    }

    static TicketVisibilityChanged ticketVisibilityChanged() {
        return new TicketVisibilityChanged(id(8), T0.plusSeconds(245), TICKET, Visibility.PUBLIC, Visibility.PRIVATE,
                Actor.agent(AGENT));
    }

    static TicketMerged ticketMerged() {
        return new TicketMerged(id(9), T0.plusSeconds(600), OTHER_TICKET, TICKET, "SW-10423", Actor.agent(AGENT));
    }

    static ReplyRequested replyRequested() {
        return new ReplyRequested(id(10), T0.plusSeconds(240), REPLY, TICKET, REPLY_MESSAGE, Channel.X, "@acme_help",
                Visibility.PUBLIC, CONVERSATION, CONVERSATION, new ReplyRequested.Recipient("2244994945", "jo_walker"),
                "@jo_walker Sorry Jo! We've sent you a DM to sort this out.", AGENT);
    }

    static SlaWarning slaWarning() {
        return new SlaWarning(id(11), T0.plusSeconds(3000), TICKET, SlaClock.FIRST_RESPONSE, T0.plusSeconds(3600), AGENT);
    }

    static SlaBreached slaBreached() {
        return new SlaBreached(id(12), T0.plusSeconds(3600), TICKET, SlaClock.FIRST_RESPONSE, T0.plusSeconds(3600), AGENT);
    }

    static CustomerIdentityLinked customerIdentityLinked() {
        return new CustomerIdentityLinked(id(20), T0.plusSeconds(7_200), CUSTOMER, id(21), Channel.MASTODON,
                "109876543210987654", "@jo_walker@mastodon.example", Actor.agent(SUPERVISOR));
    }

    static CustomersMerged customersMerged() {
        return new CustomersMerged(id(22), T0.plusSeconds(7_260), CUSTOMER, OTHER_CUSTOMER, List.of(OTHER_TICKET),
                Actor.agent(SUPERVISOR));
    }

    static CustomerErased customerErased() {
        return new CustomerErased(id(13), T0.plusSeconds(86_400), CUSTOMER,
                List.of(new CustomerErased.Identity(Channel.X, "2244994945"),
                        new CustomerErased.Identity(Channel.ASK_US, "jo.walker@example.org")),
                List.of(TICKET, OTHER_TICKET), Actor.agent(SUPERVISOR));
    }

    static AssignmentDecided assignmentDecided() {
        return new AssignmentDecided(id(14), T0.plusMillis(650), TICKET, AGENT, "orders-en", "orders",
                AssignmentDecided.Reason.STICKY, AGENT);
    }

    static AssignmentReleased assignmentReleased() {
        return new AssignmentReleased(id(15), T0.plusSeconds(7200), TICKET, AGENT, AssignmentReleased.Reason.RESOLVED);
    }

    static TicketQueued ticketQueued() {
        return new TicketQueued(id(16), T0.plusMillis(500), TICKET, "orders-en", "orders", Priority.HIGH, 3,
                TicketQueued.Reason.ALL_AGENTS_AT_CAPACITY);
    }

    static AgentPresenceChanged agentPresenceChanged() {
        return new AgentPresenceChanged(id(17), T0.minusSeconds(1800), AGENT, "Ana (Acme)", List.of("orders", "billing"),
                Presence.ONLINE, Presence.OFFLINE, AgentPresenceChanged.Cause.SIGN_IN);
    }

    static ReplyDelivered replyDelivered() {
        return new ReplyDelivered(id(18), T0.plusSeconds(1200), REPLY, TICKET, Channel.X, "1897000000000000777",
                "https://x.com/acme_help/status/1897000000000000777", 2);
    }

    static ReplyFailed replyFailed() {
        return new ReplyFailed(id(19), T0.plusSeconds(242), REPLY, TICKET, Channel.X, ReplyFailed.Code.RATE_LIMITED,
                "X is rate-limiting our account; try again in 15 minutes.", true, 5);
    }
}
