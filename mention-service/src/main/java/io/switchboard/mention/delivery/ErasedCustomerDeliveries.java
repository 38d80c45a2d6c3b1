package io.switchboard.mention.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A reply requested before the customer was erased may still wait here with their text and
 * recipient. Inside the erasure's transaction every unfinished delivery to them (one of their
 * tickets, or addressed to one of their identities) is cancelled: FAILED, text and recipient
 * scrubbed, and a ReplyFailed in the outbox so the ticket shows why it was not sent. The worker
 * only ever claims PENDING or POSTING rows, so a cancelled reply is never posted.
 *
 * <p>A request can also arrive after the erasure (it is keyed by ticket, the erasure by customer,
 * so they sit on different partitions), on one of the customer's tickets or on another customer's
 * ticket but addressed to them: the erased tickets ({@link ErasedTickets}) and keyed hashes of the
 * erased identities ({@link ErasedIdentities}) are remembered, and such a request is
 * {@linkplain #refuse refused} the same way, its text never stored.
 */
@ApplicationScoped
public class ErasedCustomerDeliveries {

    static final String NOT_SENT = "Not sent: the customer's personal data was erased.";

    @Inject
    Outbox outbox;

    @Inject
    ErasedTickets erasedTickets;

    @Inject
    ErasedIdentities erasedIdentities;

    /** Cancels the customer's unfinished deliveries in {@code tx}; the number cancelled. */
    public Uni<Integer> cancel(SqlConnection tx, CustomerErased erased) {
        // Candidates by ticket or by channel; the recipient is inside the stored request, so it is matched here.
        String[] channels = erased.identities().stream().map(i -> i.channel().name()).distinct().toArray(String[]::new);
        List<ErasedIdentities.Identity> identities = erased.identities().stream()
                .map(i -> new ErasedIdentities.Identity(i.channel(), i.platformId())).toList();
        return erasedTickets.lock(tx, erased.ticketIds())
                .flatMap(locked -> erasedTickets.remember(tx, erased.ticketIds()))
                .flatMap(remembered -> erasedIdentities.hashes(tx, identities))
                .flatMap(hashes -> erasedIdentities.lock(tx, hashes).flatMap(locked -> erasedIdentities.remember(tx, hashes)))
                .flatMap(remembered -> tx.preparedQuery("select reply_id, state, attempts, request from reply_delivery"
                            + " where state in ('PENDING', 'POSTING') and (ticket_id = any($1) or channel = any($2))"
                            + " order by reply_id for update")
                    .execute(Tuple.of(erased.ticketIds().toArray(new UUID[0]), channels))
                    .flatMap(rows -> {
                        List<Uni<Void>> cancels = new ArrayList<>();
                        for (Row row : rows) {
                            ReplyRequested request = EventCodec.decode(row.getBuffer("request").getBytes(), ReplyRequested.class);
                            if (concerns(erased, request)) {
                                cancels.add(cancel(tx, request, row.getString("state"), row.getInteger("attempts")));
                            }
                        }
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Uni<Void> step : cancels) {
                            chain = chain.flatMap(ignored -> step);
                        }
                        return chain.map(ignored -> cancels.size());
                    }));
    }

    /**
     * A request for an erased customer's ticket or identity, consumed after the erasure: recorded as FAILED with
     * its text and recipient already scrubbed, and its ReplyFailed in the outbox, in {@code tx}.
     * False if this reply id was already known (a redelivered request).
     */
    Uni<Boolean> refuse(SqlConnection tx, ReplyRequested request) {
        ReplyFailed outcome = ReplyFailed.of(request.replyId(), request.ticketId(), request.channel(),
                ReplyFailed.Code.TARGET_NOT_FOUND, NOT_SENT, false, 1);
        return tx.preparedQuery("insert into reply_delivery (reply_id, ticket_id, channel, request, state, next_attempt_at,"
                        + " failure_code, failure_reason) values ($1, $2, $3, $4, 'FAILED', now(), $5, $6)"
                        + " on conflict (reply_id) do nothing")
                .execute(Tuple.of(request.replyId(), request.ticketId(), request.channel().name(),
                        DeliveryRepository.scrubbed(request), outcome.code().name(), NOT_SENT))
                .flatMap(rows -> rows.rowCount() == 1
                        ? outbox.add(tx, outcome).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    /** After the erasure committed: sends the ReplyFailed events without waiting for the relay's timer. */
    public void committed() {
        outbox.committed();
    }

    static boolean concerns(CustomerErased erased, ReplyRequested request) {
        if (erased.ticketIds().contains(request.ticketId())) {
            return true;
        }
        String recipient = request.recipient().platformId();
        return erased.identities().stream().anyMatch(i -> i.channel() == request.channel()
                && (i.channel() == Channel.ASK_US ? i.platformId().equalsIgnoreCase(recipient) : i.platformId().equals(recipient)));
    }

    private Uni<Void> cancel(SqlConnection tx, ReplyRequested request, String state, int attempts) {
        // A POSTING row is in a platform call right now or in doubt: it may already be there.
        String reason = state.equals("PENDING") ? NOT_SENT
                : "Cancelled: the customer's personal data was erased while the reply was being sent; it may already be"
                        + " on the channel, check the conversation there";
        ReplyFailed outcome = ReplyFailed.of(request.replyId(), request.ticketId(), request.channel(),
                ReplyFailed.Code.TARGET_NOT_FOUND, reason, false, Math.max(1, attempts));
        return tx.preparedQuery("update reply_delivery set state = 'FAILED', failure_code = $2, failure_reason = $3,"
                        + " request = $4, locked_until = null, updated_at = now() where reply_id = $1")
                .execute(Tuple.of(request.replyId(), outcome.code().name(), reason, DeliveryRepository.scrubbed(request)))
                .flatMap(ignored -> outbox.add(tx, outcome));
    }
}
