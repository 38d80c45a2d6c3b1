package io.switchboard.mention.ingest;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.mention.Triage;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.mention.Mention;
import io.switchboard.mention.mention.MentionNormalizer;
import io.switchboard.mention.outbox.Outbox;
import io.switchboard.mention.triage.TriageService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one path every channel's posts take: normalise, triage, then in one transaction claim the
 * dedupe key (channel + external id) and write MentionReceived to the outbox. The unique key makes
 * a second delivery of the same post a no-op, whichever replica, connector or retry brings it.
 */
@ApplicationScoped
public class MentionIngestor {

    @Inject
    Pool pool;

    @Inject
    TriageService triage;

    @Inject
    Outbox outbox;

    @Inject
    MentionMetrics metrics;

    /**
     * @throws io.switchboard.mention.mention.InvalidMentionException (as the Uni's failure) when the
     *     post cannot be accepted; nothing is stored or published then
     */
    public Uni<IngestOutcome> ingest(Mention raw) {
        return ingest(raw, NOTHING);
    }

    /**
     * Like {@link #ingest(Mention)}, with {@code alsoInTransaction} run first in the same
     * transaction (a webhook's replay key, an ask-us request): if it fails nothing is stored, and if
     * the mention's transaction fails, neither is it.
     */
    public Uni<IngestOutcome> ingest(Mention raw, Function<SqlConnection, Uni<Void>> alsoInTransaction) {
        return Uni.createFrom().item(() -> MentionNormalizer.normalize(raw))
                .flatMap(mention -> accept(mention, alsoInTransaction));
    }

    private static final Function<SqlConnection, Uni<Void>> NOTHING = tx -> Uni.createFrom().voidItem();

    private Uni<IngestOutcome> accept(Mention mention, Function<SqlConnection, Uni<Void>> alsoInTransaction) {
        Triage assessed = triage.assess(mention);
        UUID mentionId = UUID.randomUUID();
        Instant acceptedAt = SwitchboardEvent.now();
        MentionReceived event = toEvent(mentionId, acceptedAt, mention, assessed);
        // The dedupe key and the event in one statement: only a new key writes the event.
        return pool.withTransaction(tx -> alsoInTransaction.apply(tx).flatMap(ignored -> outbox.addIfInserted(tx,
                        "insert into mention (mention_id, channel, external_id, conversation_id, author_platform_id, source,"
                                + " actionable, accepted_at) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                                + " on conflict (channel, external_id) do nothing returning mention_id",
                        new Object[] {mentionId, mention.channel().name(), mention.externalId(), mention.conversationId(),
                                mention.author().platformId(), mention.source(), assessed.actionable(),
                                acceptedAt.atOffset(java.time.ZoneOffset.UTC)},
                        event)
                .flatMap(inserted -> inserted
                        ? Uni.createFrom().item(new IngestOutcome(IngestOutcome.Status.ACCEPTED, mentionId, assessed))
                        : firstAcceptedAs(tx, mention).map(id -> new IngestOutcome(IngestOutcome.Status.DUPLICATE, id, null)))))
                .invoke(outcome -> {
                    if (outcome.accepted()) {
                        metrics.accepted(mention.channel(), assessed.actionable());
                        outbox.committed();
                    } else {
                        metrics.duplicate(mention.channel());
                    }
                });
    }

    private Uni<UUID> firstAcceptedAs(SqlConnection tx, Mention mention) {
        return tx.preparedQuery("select mention_id from mention where channel = $1 and external_id = $2")
                .execute(Tuple.of(mention.channel().name(), mention.externalId()))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? it.next().getUUID("mention_id") : null;
                });
    }

    static MentionReceived toEvent(UUID mentionId, Instant acceptedAt, Mention m, Triage triage) {
        return new MentionReceived(SwitchboardEvent.newEventId(), acceptedAt, mentionId, m.channel(), m.externalId(),
                m.conversationId(), m.inReplyToExternalId(), m.brandAccount(), m.author(), m.text(), m.language(),
                m.postedAt(), acceptedAt, m.permalink(), m.links(), m.media(), m.visibility(), m.source(),
                m.contact(), triage);
    }
}
