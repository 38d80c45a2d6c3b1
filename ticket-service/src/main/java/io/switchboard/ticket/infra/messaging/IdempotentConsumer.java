package io.switchboard.ticket.infra.messaging;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.kit.idempotency.ProcessedEventRepository;
import io.switchboard.kit.messaging.EventMessages;
import io.switchboard.ticket.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The shape of every per-record consumer of this service: skip types it does not handle, decode,
 * then in one transaction record the event id as processed and apply the effect, so a redelivered
 * event changes nothing. Transient failures (a stale ticket version, a lost connection) are
 * retried; what cannot succeed is nacked, and the channel's dead-letter strategy moves it to the
 * consumer's dead-letter topic with a reason that holds no customer data.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /**
     * With back-off from 200 ms doubling up to 10 s: about 40 s, long enough for PostgreSQL to restart and
     * recover from a crash (as in routing-service). The former 3 retries within ~4 s dead-lettered valid
     * events whenever the database restarted (fault suite: assignments lost in a PostgreSQL restart).
     */
    private static final int RETRIES = 8;

    @Inject
    ProcessedEventRepository processedEvents;

    @Inject
    OutboxRelay relay;

    /**
     * @param effect runs inside the transaction, once per event id
     */
    public Uni<Void> consume(KafkaRecord<String, byte[]> record, Set<String> handled,
            Function<SwitchboardEvent, Uni<Void>> effect) {
        String ceType = DeadLetters.header(record, CloudEventHeaders.TYPE);
        if (ceType != null && !ceType.isBlank() && !handled.contains(ceType)) {
            return ack(record); // another kind of event on the topic: not for this consumer
        }
        SwitchboardEvent event;
        try {
            event = EventMessages.decode(record);
        } catch (EventDecodingException e) {
            return nack(record, e.getMessage());
        }
        return Panache.withTransaction(() -> processedEvents.markProcessed(event.eventId(), event.ceType())
                        .chain(first -> first ? effect.apply(event).replaceWith(true) : Uni.createFrom().item(false)))
                .onFailure(e -> !(e instanceof PermanentFailure))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(RETRIES)
                .chain(applied -> {
                    if (applied) {
                        relay.nudge();
                    } else {
                        LOG.debugf("Event %s (%s) was processed before; skipped", event.eventId(), event.ceType());
                    }
                    return ack(record);
                })
                .onFailure().recoverWithUni(e -> nack(record, e instanceof PermanentFailure ? e.getMessage()
                        : DeadLetters.reasonOf(e) + " (event " + event.eventId() + ")"));
    }

    private static Uni<Void> ack(KafkaRecord<String, byte[]> record) {
        return Uni.createFrom().completionStage(record.ack());
    }

    private static Uni<Void> nack(KafkaRecord<String, byte[]> record, String reason) {
        LOG.warnf("Record at %s-%d goes to the dead-letter topic: %s", record.getTopic(), record.getPartition(), reason);
        // No cause: the dead-letter strategy would copy the cause's message, which may quote values.
        return Uni.createFrom().completionStage(record.nack(new PermanentFailure(reason)));
    }
}
