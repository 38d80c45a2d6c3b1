package io.switchboard.ticket.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.EventTypes;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.kit.messaging.EventMessages;
import io.switchboard.ticket.infra.messaging.DeadLetters;
import io.switchboard.ticket.outbox.OutboxRelay;
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
 * its own goes to the dead-letter topic and the partition never stops.
 */
@ApplicationScoped
public class MentionConsumer {

    /** Outgoing channel to {@code mentions.ticket-service.dlq}, for records of a batch that cannot be threaded. */
    public static final String DEAD_LETTER_CHANNEL = "mentions-dead-letters";

    private static final Logger LOG = Logger.getLogger(MentionConsumer.class);
    private static final String HANDLED = EventTypes.of(MentionReceived.class).ceType();
    /**
     * With back-off from 200 ms doubling up to 10 s: about 40 s, long enough for PostgreSQL to restart and
     * recover from a crash. The former 3 retries within ~4 s dead-lettered valid mentions whenever the
     * database restarted (fault suite: accepted mentions on no ticket after a PostgreSQL restart).
     */
    private static final int RETRIES = 8;

    @Inject
    MentionThreader threader;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    MutinyEmitter<byte[]> deadLetters;

    @Incoming(Topics.MENTIONS)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<Decoded> mentions = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            String ceType = DeadLetters.header(record, CloudEventHeaders.TYPE);
            if (ceType != null && !ceType.isBlank() && !HANDLED.equals(ceType)) {
                continue; // another kind of event on the topic: not ours, not an error
            }
            try {
                SwitchboardEvent event = EventMessages.decode(record);
                mentions.add(new Decoded(record, MentionLimits.check((MentionReceived) event)));
            } catch (EventDecodingException | ClassCastException e) {
                rejected.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return deadLettered
                .chain(() -> threadAll(mentions))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> {
                    // Reached only if even the dead-letter topic refused a record: let the
                    // channel's failure strategy dead-letter the batch rather than lose it.
                    LOG.errorf("Could not thread or dead-letter a batch of %d mentions: %s", batch.getRecords().size(),
                            e.getClass().getName());
                    return Uni.createFrom().completionStage(batch.nack(e));
                });
    }

    private Uni<Void> threadAll(List<Decoded> mentions) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return inTransaction(mentions.stream().map(Decoded::mention).toList())
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("Threading a batch of %d mentions failed (%s); threading them one by one", mentions.size(),
                            failure.getClass().getSimpleName());
                    return Multi.createFrom().iterable(mentions)
                            .onItem().transformToUniAndConcatenate(one -> threadAlone(one).replaceWith(Boolean.TRUE))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> threadAlone(Decoded one) {
        return inTransaction(List.of(one.mention()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(RETRIES)
                .onFailure().recoverWithUni(e -> deadLetter(one.record(), e));
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

    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable error) {
        String reason = DeadLetters.reasonOf(error);
        LOG.warnf("Mention record at %s-%d sent to the dead-letter topic: %s", record.getTopic(), record.getPartition(),
                reason);
        metrics.counter("switchboard.mentions.dead.lettered").increment();
        return deadLetters.sendMessage(DeadLetters.of(record, reason, error));
    }

    private record Decoded(KafkaRecord<String, byte[]> record, MentionReceived mention) {
    }
}
