package io.switchboard.mention.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventCodec;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.outbox.Outbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The reply_delivery table. Every state change is one short transaction, committed before the
 * platform is called (the claim) and after it (the outcome, with its event in the outbox), so a
 * crash at any point leaves a row that says what is known.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    ErasedTickets erasedTickets;

    @Inject
    ErasedIdentities erasedIdentities;

    @Inject
    ErasedCustomerDeliveries erasedDeliveries;

    /** What became of a consumed request. */
    public enum Registration {
        /** Recorded for the worker to post. */
        PENDING,
        /** Its ticket or its recipient belongs to an erased customer: recorded as FAILED, never to be posted. */
        REFUSED_ERASED,
        /** This reply id was already known (a redelivered event): nothing changed. */
        ALREADY_KNOWN
    }

    /**
     * Records a new request, unless its ticket or its recipient (channel + platform id, on any ticket)
     * was erased (the erasure consumed first, from another partition), in which case it is refused
     * with a ReplyFailed and its text is never stored.
     */
    public Uni<Registration> register(ReplyRequested request, Instant now) {
        List<UUID> ticket = List.of(request.ticketId());
        List<ErasedIdentities.Identity> recipient = List.of(
                new ErasedIdentities.Identity(request.channel(), request.recipient().platformId()));
        return pool.withTransaction(tx -> erasedTickets.lock(tx, ticket)
                        .flatMap(locked -> erasedIdentities.hashes(tx, recipient))
                        .flatMap(hashes -> erasedIdentities.lock(tx, hashes)
                                .flatMap(locked -> erasedTickets.isErased(tx, request.ticketId()))
                                .flatMap(erasedTicket -> erasedTicket
                                        ? Uni.createFrom().item(true)
                                        : erasedIdentities.isErased(tx, hashes.get(0))))
                        .flatMap(erased -> erased
                                ? erasedDeliveries.refuse(tx, request)
                                        .map(refused -> refused ? Registration.REFUSED_ERASED : Registration.ALREADY_KNOWN)
                                : insertPending(tx, request, now)))
                .invoke(registration -> {
                    if (registration == Registration.REFUSED_ERASED) {
                        outbox.committed();
                    }
                });
    }

    private static Uni<Registration> insertPending(SqlConnection tx, ReplyRequested request, Instant now) {
        return tx.preparedQuery("insert into reply_delivery (reply_id, ticket_id, channel, request, state,"
                        + " next_attempt_at) values ($1, $2, $3, $4, 'PENDING', $5) on conflict (reply_id) do nothing")
                .execute(Tuple.of(request.replyId(), request.ticketId(), request.channel().name(),
                        Buffer.buffer(EventCodec.encode(request)), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1 ? Registration.PENDING : Registration.ALREADY_KNOWN);
    }

    /**
     * Claims the oldest due delivery: an in-doubt one (POSTING with an expired lease) first, else a
     * PENDING one. The claim (state POSTING, attempts + 1, a new lease) commits before it returns.
     */
    public Optional<Delivery> claimNext(Instant now, Duration lease) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select reply_id, state from reply_delivery where (state = 'POSTING' and locked_until < $1)"
                        + " or (state = 'PENDING' and next_attempt_at <= $1)"
                        + " order by (state = 'POSTING') desc, next_attempt_at limit 1 for update skip locked")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<Delivery>empty());
                    }
                    Row row = rows.iterator().next();
                    boolean inDoubt = row.getString("state").equals("POSTING");
                    return tx.preparedQuery("update reply_delivery set state = 'POSTING', attempts = attempts + 1,"
                                    + " locked_until = $2, updated_at = now() where reply_id = $1"
                                    + " returning request, attempts")
                            .execute(Tuple.of(row.getUUID("reply_id"), now.plus(lease).atOffset(ZoneOffset.UTC)))
                            .map(updated -> {
                                Row u = updated.iterator().next();
                                ReplyRequested request = EventCodec.decode(u.getBuffer("request").getBytes(),
                                        ReplyRequested.class);
                                return Optional.of(new Delivery(row.getUUID("reply_id"), request,
                                        u.getInteger("attempts"), inDoubt));
                            });
                }))
                .await().atMost(TIMEOUT);
    }

    /** Posted: DELIVERED, and the outcome event in the same transaction. */
    public void delivered(Delivery d, String externalPostId, String permalink, SwitchboardEvent outcome) {
        finish(d.replyId(), "update reply_delivery set state = 'DELIVERED', external_post_id = $2, permalink = $3,"
                + " request = $4, locked_until = null, updated_at = now() where reply_id = $1 and state = 'POSTING'",
                Tuple.of(d.replyId(), externalPostId, permalink, scrubbed(d.request())), outcome);
    }

    /** Given up: FAILED with a reason, and the outcome event in the same transaction. */
    public void failed(Delivery d, String code, String reason, SwitchboardEvent outcome) {
        finish(d.replyId(), "update reply_delivery set state = 'FAILED', failure_code = $2, failure_reason = $3,"
                + " request = $4, locked_until = null, updated_at = now() where reply_id = $1 and state = 'POSTING'",
                Tuple.of(d.replyId(), code, reason, scrubbed(d.request())), outcome);
    }

    /**
     * A finished delivery needs its reply id, not the customer: text and recipient are dropped, so
     * nothing personal outlives the delivery here (ticket-service keeps the conversation).
     */
    static Buffer scrubbed(ReplyRequested r) {
        return Buffer.buffer(EventCodec.encode(new ReplyRequested(r.eventId(), r.occurredAt(), r.replyId(), r.ticketId(),
                r.messageId(), r.channel(), r.brandAccount(), r.visibility(), r.conversationId(),
                r.inReplyToExternalId(), new ReplyRequested.Recipient("erased", null), "[delivered]", r.requestedBy())));
    }

    /** Certainly not posted: back to PENDING for a later attempt. */
    public void retryAt(Delivery d, Instant at, String reason) {
        update("update reply_delivery set state = 'PENDING', next_attempt_at = $2, locked_until = null,"
                + " failure_reason = $3, updated_at = now() where reply_id = $1 and state = 'POSTING'",
                Tuple.of(d.replyId(), at.atOffset(ZoneOffset.UTC), reason));
    }

    /** Outcome unknown: stays POSTING, and is looked for on the platform once {@code at} has passed. */
    public void inDoubtUntil(Delivery d, Instant at, String reason) {
        update("update reply_delivery set locked_until = $2, failure_reason = $3, updated_at = now()"
                + " where reply_id = $1 and state = 'POSTING'",
                Tuple.of(d.replyId(), at.atOffset(ZoneOffset.UTC), reason));
    }

    /** The state of a delivery (for operators and tests). */
    public Optional<Delivery.State> state(UUID replyId) {
        return pool.preparedQuery("select state from reply_delivery where reply_id = $1").execute(Tuple.of(replyId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(Delivery.State.valueOf(rows.iterator().next().getString("state")))
                        : Optional.<Delivery.State>empty())
                .await().atMost(TIMEOUT);
    }

    private void finish(UUID replyId, String sql, Tuple args, SwitchboardEvent outcome) {
        pool.withTransaction(tx -> tx.preparedQuery(sql).execute(args).flatMap(rows -> rows.rowCount() == 1
                ? outbox.add(tx, outcome)
                : Uni.createFrom().failure(new IllegalStateException("delivery " + replyId + " was not POSTING"))))
                .await().atMost(TIMEOUT);
        outbox.committed();
    }

    private void update(String sql, Tuple args) {
        pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
    }
}
