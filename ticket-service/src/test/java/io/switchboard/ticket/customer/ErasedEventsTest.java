package io.switchboard.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Actor;
import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Visibility;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Customer;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.SlaClock;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;

/** What each kind of event still waiting in the outbox becomes when its customer is erased. */
class ErasedEventsTest {

    static final UUID TICKET = UUID.randomUUID();
    static final UUID CUSTOMER = UUID.randomUUID();
    static final Actor AGENT = Actor.agent("agent-1");
    static final String SECRET = "Jo Walker, 1 Main St, +44 7700 900123";

    @Test
    void aReplyToThemIsNotSentAndALinkOfTheirAccountIsLeftToCustomerErased() {
        ReplyRequested reply = new ReplyRequested(SwitchboardEvent.newEventId(), Instant.now(), UUID.randomUUID(), TICKET,
                UUID.randomUUID(), Channel.X, "acme_help", Visibility.PUBLIC, "1897", "1897",
                new ReplyRequested.Recipient("2244994945", "jo_walker"), "Hi Jo, " + SECRET, AGENT.id());
        CustomerIdentityLinked link = CustomerIdentityLinked.of(CUSTOMER, UUID.randomUUID(), Channel.ASK_US,
                "jo@example.org", null, AGENT);

        assertThat(ErasedEvents.theirs(reply)).isEmpty();
        assertThat(ErasedEvents.theirs(link)).isEmpty();
    }

    @Test
    void factsStillGoOutWithoutTheirContent() {
        MessageAdded post = MessageAdded.customer(TICKET, UUID.randomUUID(), new MessageAdded.Author(CUSTOMER.toString(),
                "Jo Walker"), SECRET, Visibility.PUBLIC, UUID.randomUUID(), "1897000000000000001");
        MessageAdded erasedPost = (MessageAdded) only(ErasedEvents.theirs(post));
        assertThat(erasedPost.text()).isEqualTo(CustomerPrivacy.ERASED);
        assertThat(erasedPost.externalId()).isNull();
        assertThat(erasedPost.author()).isEqualTo(new MessageAdded.Author(CUSTOMER.toString(), null));
        assertThat(erasedPost).usingRecursiveComparison().ignoringFields("text", "externalId", "author").isEqualTo(post);

        MessageAdded reply = MessageAdded.agentReply(TICKET, UUID.randomUUID(), new MessageAdded.Author(AGENT.id(), "Ana"),
                "Sorry " + SECRET, Visibility.PRIVATE, UUID.randomUUID());
        assertThat(((MessageAdded) only(ErasedEvents.theirs(reply))).text()).isEqualTo(CustomerPrivacy.ERASED);

        TicketOpened opened = new TicketOpened(SwitchboardEvent.newEventId(), Instant.now(), TICKET, "SW-10001", Channel.X,
                "acme_help", "1897000000000000001", Visibility.PUBLIC, UUID.randomUUID(),
                new Customer(CUSTOMER, "jo_walker", "Jo Walker", 1840), "en", Intent.COMPLAINT, null, Priority.HIGH,
                List.of("delivery"), "customer-care", "agent-1", Instant.now());
        TicketOpened erasedOpened = (TicketOpened) only(ErasedEvents.theirs(opened));
        assertThat(erasedOpened.customer()).isEqualTo(new Customer(CUSTOMER, null, null, 1840));
        assertThat(erasedOpened.conversationId()).isEqualTo(CustomerPrivacy.ERASED);
        assertThat(erasedOpened).usingRecursiveComparison().ignoringFields("customer", "conversationId").isEqualTo(opened);

        MessageDeliveryChanged delivered = MessageDeliveryChanged.delivered(TICKET, UUID.randomUUID(), UUID.randomUUID(),
                "1897000000000000777");
        assertThat(((MessageDeliveryChanged) only(ErasedEvents.theirs(delivered))).externalPostId()).isNull();
        MessageDeliveryChanged failed = MessageDeliveryChanged.failed(TICKET, UUID.randomUUID(), UUID.randomUUID(),
                "X refused the reply to jo_walker", true);
        assertThat(((MessageDeliveryChanged) only(ErasedEvents.theirs(failed))).failureReason()).isNull();

        TicketStatusChanged status = TicketStatusChanged.of(TICKET, TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, AGENT);
        status = new TicketStatusChanged(status.eventId(), status.occurredAt(), TICKET, status.from(), status.to(), AGENT,
                "asked " + SECRET);
        assertThat(((TicketStatusChanged) only(ErasedEvents.theirs(status))).reason()).isNull();
        TicketPriorityChanged priority = TicketPriorityChanged.of(TICKET, Priority.LOW, Priority.HIGH, AGENT, SECRET);
        assertThat(((TicketPriorityChanged) only(ErasedEvents.theirs(priority))).reason()).isNull();
    }

    @Test
    void eventsWithoutContentGoOutUnchanged() {
        for (SwitchboardEvent event : List.of(
                TicketTagsChanged.of(TICKET, List.of("billing"), List.of(), List.of("billing"), AGENT),
                new SlaWarning(SwitchboardEvent.newEventId(), Instant.now(), TICKET, SlaClock.FIRST_RESPONSE, Instant.now(),
                        null),
                CustomersMerged.of(CUSTOMER, UUID.randomUUID(), List.of(TICKET), AGENT))) {
            assertThat(only(ErasedEvents.theirs(event))).isSameAs(event);
        }
    }

    @Test
    void onSomeoneElsesTicketOnlyTheirOwnPostsLoseTheirContent() {
        Set<String> them = Set.of(CUSTOMER.toString());
        MessageAdded theirPost = MessageAdded.customer(TICKET, UUID.randomUUID(),
                new MessageAdded.Author(CUSTOMER.toString(), "Jo"), SECRET, Visibility.PUBLIC, UUID.randomUUID(), "1");
        MessageAdded otherPost = MessageAdded.customer(TICKET, UUID.randomUUID(),
                new MessageAdded.Author(UUID.randomUUID().toString(), "Sam"), "my own words", Visibility.PUBLIC,
                UUID.randomUUID(), "2");
        MessageAdded agentReply = MessageAdded.agentReply(TICKET, UUID.randomUUID(), new MessageAdded.Author(
                CUSTOMER.toString(), "an agent whose subject happens to look alike"), "to Sam", Visibility.PUBLIC,
                UUID.randomUUID());

        assertThat(((MessageAdded) ErasedEvents.onAnotherTicket(theirPost, them)).text()).isEqualTo(CustomerPrivacy.ERASED);
        assertThat(ErasedEvents.onAnotherTicket(otherPost, them)).isSameAs(otherPost);
        assertThat(ErasedEvents.onAnotherTicket(agentReply, them)).isSameAs(agentReply);
        assertThat(new String(EventCodec.encode(ErasedEvents.onAnotherTicket(theirPost, them)))).doesNotContain(SECRET, "Jo");
    }

    private static SwitchboardEvent only(Optional<SwitchboardEvent> event) {
        assertThat(event).isPresent();
        return event.get();
    }
}
