package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The records refuse to exist without their required fields, whoever builds them. */
class EventValidationTest {

    @Test
    void requiresTheIdsEveryConsumerRelyOn() {
        TicketOpened o = EventSamples.ticketOpened();

        assertThatThrownBy(() -> new TicketOpened(null, o.occurredAt(), o.ticketId(), o.reference(), o.channel(),
                o.brandAccount(), o.conversationId(), o.visibility(), o.mentionId(), o.customer(), o.language(), o.intent(),
                o.sentiment(), o.priority(), o.tags(), o.teamHint(), o.previousAgentId(), o.firstResponseDueAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("eventId is required");
        assertThatThrownBy(() -> new TicketOpened(o.eventId(), o.occurredAt(), null, o.reference(), o.channel(),
                o.brandAccount(), o.conversationId(), o.visibility(), o.mentionId(), o.customer(), o.language(), o.intent(),
                o.sentiment(), o.priority(), o.tags(), o.teamHint(), o.previousAgentId(), o.firstResponseDueAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ticketId is required");
    }

    @Test
    void keepsAnImmutableCopyOfLists() {
        TicketOpened o = EventSamples.ticketOpened();
        List<String> tags = new ArrayList<>(List.of("delivery"));

        TicketOpened opened = new TicketOpened(o.eventId(), o.occurredAt(), o.ticketId(), o.reference(), o.channel(),
                o.brandAccount(), o.conversationId(), o.visibility(), o.mentionId(), o.customer(), o.language(), o.intent(),
                o.sentiment(), o.priority(), tags, o.teamHint(), o.previousAgentId(), o.firstResponseDueAt());
        tags.add("changed-later");

        assertThat(opened.tags()).containsExactly("delivery");
        assertThatThrownBy(() -> opened.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checksRanges() {
        assertThatThrownBy(() -> new Sentiment(Sentiment.Label.NEGATIVE, -1.5)).hasMessageContaining("sentiment.score");
        assertThatThrownBy(() -> new Sentiment(Sentiment.Label.NEGATIVE, Double.NaN)).hasMessageContaining("sentiment.score");
        assertThatThrownBy(() -> new PiiFinding(PiiFinding.Type.EMAIL, 10, 10)).hasMessageContaining("start < end");
    }

    @Test
    void factoriesFillIdAndTimeAtMicrosecondPrecision() {
        TicketStatusChanged changed = TicketStatusChanged.of(EventSamples.TICKET, TicketStatus.NEW, TicketStatus.OPEN,
                Actor.system("ticket-service"));

        assertThat(changed.eventId()).isNotNull();
        assertThat(changed.occurredAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(changed.occurredAt().getNano() % 1_000).isZero();
        assertThat(TicketStatusChanged.of(EventSamples.TICKET, TicketStatus.NEW, TicketStatus.OPEN, Actor.agent("a")).eventId())
                .isNotEqualTo(changed.eventId());
    }

    @Test
    void messagesCarryWhatTheirKindNeeds() {
        MessageAdded.Author agent = new MessageAdded.Author(EventSamples.AGENT, "Ana");

        assertThat(MessageAdded.agentReply(EventSamples.TICKET, UUID.randomUUID(), agent, "Hi", Visibility.PUBLIC,
                EventSamples.REPLY).delivery()).isEqualTo(DeliveryState.PENDING);
        assertThat(MessageAdded.internalNote(EventSamples.TICKET, UUID.randomUUID(), agent, "VIP").visibility()).isNull();
        assertThatThrownBy(() -> MessageAdded.customer(EventSamples.TICKET, UUID.randomUUID(), agent, "Hi",
                Visibility.PUBLIC, null, "123")).hasMessageContaining("mentionId");
        assertThatThrownBy(() -> new MessageAdded(UUID.randomUUID(), Instant.now(), EventSamples.TICKET, UUID.randomUUID(),
                MessageAdded.Kind.INTERNAL_NOTE, agent, "note", Visibility.PUBLIC, null, null, null, null))
                .hasMessageContaining("internal note");
    }

    @Test
    void aPublicReplyMustAnswerAPost() {
        ReplyRequested r = EventSamples.replyRequested();

        assertThatThrownBy(() -> new ReplyRequested(r.eventId(), r.occurredAt(), r.replyId(), r.ticketId(), r.messageId(),
                r.channel(), r.brandAccount(), Visibility.PUBLIC, r.conversationId(), null, r.recipient(), r.text(),
                r.requestedBy())).hasMessageContaining("inReplyToExternalId");
        assertThat(new ReplyRequested(r.eventId(), r.occurredAt(), r.replyId(), r.ticketId(), r.messageId(), r.channel(),
                r.brandAccount(), Visibility.PRIVATE, r.conversationId(), null, r.recipient(), r.text(), r.requestedBy())
                .visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void aTicketIsNotMergedIntoItself() {
        assertThatThrownBy(() -> TicketMerged.of(EventSamples.TICKET, EventSamples.TICKET, "SW-1", Actor.agent("a")))
                .hasMessageContaining("itself");
    }

    @Test
    void aCustomerIsNotMergedIntoThemselves() {
        assertThatThrownBy(() -> CustomersMerged.of(EventSamples.CUSTOMER, EventSamples.CUSTOMER, List.of(),
                Actor.agent("a"))).hasMessageContaining("themselves");
        assertThat(CustomersMerged.of(EventSamples.CUSTOMER, EventSamples.OTHER_CUSTOMER, null, Actor.agent("a")).ticketIds())
                .isEmpty();
    }

    @Test
    void aLinkedIdentityNamesItsAccount() {
        assertThatThrownBy(() -> CustomerIdentityLinked.of(EventSamples.CUSTOMER, UUID.randomUUID(), Channel.ASK_US, " ",
                null, Actor.agent("a"))).hasMessageContaining("platformId");
        assertThat(CustomerIdentityLinked.of(EventSamples.CUSTOMER, UUID.randomUUID(), Channel.ASK_US, "jo@example.org",
                null, Actor.agent("a")).partitionKey()).isEqualTo(EventSamples.CUSTOMER.toString());
    }

    @Test
    void conversationKeysArePrefixedByChannel() {
        assertThat(Channel.X.conversationKey("1897")).isEqualTo("x:1897");
        assertThat(Channel.ASK_US.conversationKey("form-1")).isEqualTo("ask_us:form-1");
        assertThat(EventSamples.ticketOpened().conversationKey()).isEqualTo(EventSamples.mentionReceived().conversationKey());
    }

    @Test
    void refusesToEncodeAnUnregisteredEvent() {
        record Unlisted(UUID eventId, Instant occurredAt) implements SwitchboardEvent {
            @Override
            public String aggregateId() {
                return "x";
            }
        }

        assertThatThrownBy(() -> EventCodec.encode(new Unlisted(UUID.randomUUID(), Instant.now())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add it to EventTypes");
    }
}
