package io.switchboard.ticket.delivery;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Actor;
import io.switchboard.events.Topics;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.ticket.DeliveryState;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.ticket.infra.ClockProducer;
import io.switchboard.ticket.infra.messaging.PermanentFailure;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.ticket.MessageRepository;
import io.switchboard.ticket.ticket.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A reply's delivery state on its message, re-published as {@link MessageDeliveryChanged} because
 * agents' browsers follow ticket-events, not delivery-events. PENDING becomes DELIVERED or FAILED;
 * a FAILED reply sent again may still become DELIVERED; a DELIVERED one stays delivered.
 */
@ApplicationScoped
public class Deliveries {

    static final Actor DELIVERY = Actor.system(Topics.MENTION_SERVICE);
    private static final int DETAIL_LENGTH = 500;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    public Uni<Void> delivered(ReplyDelivered delivered) {
        return reply(delivered.replyId()).chain(message -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            message.deliveryState = DeliveryState.DELIVERED;
            message.externalPostId = delivered.externalPostId();
            message.deliveryDetail = null;
            message.deliveryChangedAt = changes.at();
            changes.event(MessageDeliveryChanged.delivered(message.ticketId, message.id, message.replyId,
                    delivered.externalPostId()));
            changes.audit(message.ticketId, null, DELIVERY, "REPLY_DELIVERED", "reply " + message.replyId
                    + " posted on " + delivered.channel() + " as " + delivered.externalPostId() + " after "
                    + delivered.attempts() + " attempt(s)");
            return write(changes);
        });
    }

    public Uni<Void> failed(ReplyFailed failed) {
        return reply(failed.replyId()).chain(message -> {
            Changes changes = new Changes(ClockProducer.now(clock));
            if (message.deliveryState == DeliveryState.DELIVERED) {
                changes.audit(message.ticketId, null, DELIVERY, "REPLY_FAILURE_IGNORED", "reply " + message.replyId
                        + " was already delivered; late failure " + failed.code() + " ignored");
                return write(changes);
            }
            String reason = failed.reason().length() <= DETAIL_LENGTH ? failed.reason()
                    : failed.reason().substring(0, DETAIL_LENGTH - 1) + "…";
            message.deliveryState = DeliveryState.FAILED;
            message.deliveryDetail = reason;
            message.deliveryChangedAt = changes.at();
            changes.event(MessageDeliveryChanged.failed(message.ticketId, message.id, message.replyId, reason,
                    failed.retryable()));
            changes.audit(message.ticketId, null, DELIVERY, "REPLY_FAILED", "reply " + message.replyId + ": "
                    + failed.code() + (failed.retryable() ? ", retryable" : ", permanent") + " after "
                    + failed.attempts() + " attempt(s)");
            return write(changes);
        });
    }

    private Uni<TicketMessage> reply(UUID replyId) {
        return messages.findByReply(replyId).onItem().ifNull()
                .failWith(() -> new PermanentFailure("delivery outcome for unknown reply " + replyId));
    }

    private static Uni<Void> write(Changes changes) {
        return Panache.getSession().chain(changes::writeTo);
    }
}
