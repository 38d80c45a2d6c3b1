package io.switchboard.ticket.thread;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.switchboard.events.EventTypes;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.ticket.infra.messaging.BatchConsumption;
import io.switchboard.ticket.outbox.OutboxRelay;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Consumes {@value Topics#MENTIONS} a poll at a time: one transaction threads the whole batch, which
 * is where PostgreSQL's throughput is (one commit and a few batched statements for hundreds of
 * mentions instead of a commit each).
 *
 * <p>Idempotent: a mention id already recorded (as a message or as an ignored mention) is skipped,
 * and the unique index on it makes a race between two replicas fail rather than duplicate. If the
 * batch transaction fails (that race, a stale ticket version, a poison record) the batch is
 * threaded again one mention per transaction, with a few retries, so only a mention that fails on
 * its own goes to the dead-letter topic and the partition never stops ({@link BatchConsumption}).
 */
@ApplicationScoped
public class MentionConsumer {

    /** Outgoing channel to {@code mentions.ticket-service.dlq}, for records of a batch that cannot be threaded. */
    public static final String DEAD_LETTER_CHANNEL = "mentions-dead-letters";

    private static final Logger LOG = Logger.getLogger(MentionConsumer.class);
    private static final Set<String> HANDLED = Set.of(EventTypes.of(MentionReceived.class).ceType());

    @Inject
    MentionThreader threader;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    MutinyEmitter<byte[]> deadLetters;

    private BatchConsumption<MentionReceived> batches;

    @PostConstruct
    void init() {
        batches = new BatchConsumption<>("mention", HANDLED, event -> MentionLimits.check((MentionReceived) event),
                this::inTransaction, deadLetters, metrics.counter("switchboard.mentions.dead.lettered"));
    }

    @Incoming(Topics.MENTIONS)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch);
    }

    private Uni<Void> inTransaction(List<MentionReceived> mentions) {
        return Panache.withTransaction(() -> threader.thread(mentions))
                .invoke(outcome -> {
                    count(outcome);
                    if (outcome.wroteEvents()) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }

    private void count(ThreadingOutcome outcome) {
        for (ThreadingOutcome.Entry entry : outcome.entries()) {
            metrics.counter("switchboard.mentions.threaded", "result", entry.result().name().toLowerCase(),
                    "channel", entry.channel().name().toLowerCase()).increment();
            if (entry.result() == ThreadingOutcome.Result.IGNORED) {
                metrics.counter("switchboard.mentions.ignored", "reason", entry.ignoreReason(),
                        "channel", entry.channel().name().toLowerCase()).increment();
            }
        }
        LOG.debugf("Threaded mentions: %s", outcome);
    }
}
