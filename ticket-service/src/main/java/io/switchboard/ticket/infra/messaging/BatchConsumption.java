package io.switchboard.ticket.infra.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.kit.messaging.EventMessages;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;

/**
 * The shape of this service's batch consumers: a poll is decoded (types the consumer does not
 * handle are skipped, undecodable records dead-lettered at once) and processed in one transaction,
 * where the database's throughput is (one commit and a few batched statements for the whole poll
 * instead of several round trips and a commit per record).
 *
 * <p>If that transaction lost a race (a stale version, a deadlock) it is redone whole, on fresh rows,
 * up to {@link #BATCH_RETRIES} times. If it still fails, or fails otherwise (a poison record), the
 * records are processed again one per transaction, in order, each retried with back-off unless the
 * failure is a {@link PermanentFailure}, so only a record that fails on its own is dead-lettered and
 * the partition keeps moving. Idempotency is the processing's own (a mention id, an event id), so
 * a record of a failed batch is never applied twice.
 *
 * @param <T> what a record becomes once decoded and checked
 */
public final class BatchConsumption<T> {

    /**
     * Turns a decoded event into what the transaction takes; throws {@link EventDecodingException}
     * (or {@link ClassCastException} for an event of the wrong kind) when the record is malformed.
     */
    @FunctionalInterface
    public interface Check<T> {
        T check(SwitchboardEvent event);
    }

    private static final Logger LOG = Logger.getLogger(BatchConsumption.class);
    /**
     * With back-off from 200 ms doubling up to 10 s: about 40 s, long enough for PostgreSQL to restart and
     * recover from a crash. The former 3 retries within ~4 s dead-lettered valid records whenever the
     * database restarted (fault suite: accepted mentions on no ticket after a PostgreSQL restart).
     */
    private static final int RETRIES = 8;
    /**
     * A batch that lost a race is redone whole this many times before it is split: one by one, a
     * poll of 500 decisions took tens of seconds (the bench's `routing-decisions` lag grew to 21,000).
     */
    private static final int BATCH_RETRIES = 3;
    /** PostgreSQL's deadlock_detected and serialization_failure. */
    private static final Set<String> RACE_STATES = Set.of("40P01", "40001");

    private final String what;
    private final Set<String> handled;
    private final Check<T> check;
    private final Function<List<T>, Uni<Void>> inTransaction;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter deadLettered;

    /**
     * @param what the records' name in logs ("mention", "routing decision")
     * @param handled the CloudEvents types processed; records of other types are skipped
     * @param inTransaction processes the records in order in one transaction of its own
     * @param deadLetters the consumer's dead-letter topic
     */
    public BatchConsumption(String what, Set<String> handled, Check<T> check, Function<List<T>, Uni<Void>> inTransaction,
            MutinyEmitter<byte[]> deadLetters, Counter deadLettered) {
        this.what = what;
        this.handled = handled;
        this.check = check;
        this.inTransaction = inTransaction;
        this.deadLetters = deadLetters;
        this.deadLettered = deadLettered;
    }

    /** Processes a poll and acknowledges it; nacks it only if even the dead-letter topic refused a record. */
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<Decoded<T>> accepted = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            String ceType = DeadLetters.header(record, CloudEventHeaders.TYPE);
            if (ceType != null && !ceType.isBlank() && !handled.contains(ceType)) {
                continue; // another kind of event on the topic: not ours, not an error
            }
            try {
                accepted.add(new Decoded<>(record, check.check(EventMessages.decode(record))));
            } catch (EventDecodingException | ClassCastException e) {
                rejected.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLetteredFirst = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return deadLetteredFirst
                .chain(() -> processAll(accepted))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> {
                    // Reached only if even the dead-letter topic refused a record: let the
                    // channel's failure strategy dead-letter the batch rather than lose it.
                    LOG.errorf("Could not process or dead-letter a batch of %d %s records: %s", batch.getRecords().size(),
                            what, e.getClass().getName());
                    return Uni.createFrom().completionStage(batch.nack(e));
                });
    }

    private Uni<Void> processAll(List<Decoded<T>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<T> values = records.stream().map(Decoded::value).toList();
        return Uni.createFrom().deferred(() -> inTransaction.apply(values))
                .onFailure(BatchConsumption::lostARace).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500)).atMost(BATCH_RETRIES)
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("A batch of %d %s records failed (%s); processing them one by one", records.size(), what,
                            failure.getClass().getSimpleName());
                    return Multi.createFrom().iterable(records)
                            .onItem().transformToUniAndConcatenate(one -> processAlone(one).replaceWith(Boolean.TRUE))
                            .collect().last().replaceWithVoid();
                });
    }

    /**
     * A stale version (another transaction changed a row the batch read) or a deadlock: nothing is
     * wrong with the records, and the batch redone on fresh rows will most likely pass.
     */
    static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PgException pg && RACE_STATES.contains(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> processAlone(Decoded<T> one) {
        return Uni.createFrom().deferred(() -> inTransaction.apply(List.of(one.value())))
                .onFailure(e -> !(e instanceof PermanentFailure))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(RETRIES)
                .onFailure().recoverWithUni(e -> deadLetter(one.record(), e));
    }

    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable error) {
        // A PermanentFailure's message is written to be published (ids and fields, never customer text).
        String reason = error instanceof PermanentFailure ? error.getMessage() : DeadLetters.reasonOf(error);
        LOG.warnf("A %s record at %s-%d goes to the dead-letter topic: %s", what, record.getTopic(), record.getPartition(),
                reason);
        deadLettered.increment();
        return deadLetters.sendMessage(DeadLetters.of(record, reason, error));
    }

    private record Decoded<T>(KafkaRecord<String, byte[]> record, T value) {
    }
}
