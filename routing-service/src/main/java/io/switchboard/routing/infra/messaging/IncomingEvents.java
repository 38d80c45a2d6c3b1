package io.switchboard.routing.infra.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.EventDecodingException;
import io.switchboard.events.EventTypes;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.kit.messaging.EventMessages;
import io.switchboard.routing.infra.RoutingRejection;
import io.vertx.pgclient.PgException;

/**
 * How routing's consumers treat a message: a type they do not handle is acknowledged and skipped
 * (never dead-lettered); one that cannot be decoded is nacked, so the channel's failure strategy
 * puts it on the consumer's dead-letter topic; a handled event whose processing fails for a passing
 * reason (the database unreachable) is retried with back-off before it is dead-lettered too, so a
 * partition is never stuck and nothing accepted is lost. Logs name the type and id, never payloads.
 */
public final class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private IncomingEvents() {
    }

    public static Set<String> ceTypes(Class<?>... types) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : types) {
            names.add(EventTypes.of(type).ceType());
        }
        return Set.copyOf(names);
    }

    public static Uni<Void> handle(Message<byte[]> message, Set<String> handled, Function<SwitchboardEvent, Uni<Void>> route) {
        String type = header(message, CloudEventHeaders.TYPE);
        if (type != null && !handled.contains(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        SwitchboardEvent event;
        try {
            event = EventMessages.decode(message);
        } catch (EventDecodingException e) {
            LOG.warnf("Dead-lettering an undecodable %s message: %s", type, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return Uni.createFrom().deferred(() -> route.apply(event))
                .onFailure(IncomingEvents::isPassing).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(8)
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf("Dead-lettering %s %s: %s", event.ceType(), event.eventId(), failure.getClass().getSimpleName());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /**
     * A poll's worth of records: the handled events decided together by {@code routeAll} (one
     * transaction), retried like a single event while the failure is a passing one. If that still
     * fails, each record is handled alone as {@link #handle} does, so only an event that fails on its
     * own is dead-lettered; an undecodable record is dead-lettered first. Order within a partition is
     * kept either way (one batch at a time, records in their order).
     */
    public static Uni<Void> handleBatch(KafkaRecordBatch<String, byte[]> batch, Set<String> handled,
            Function<List<SwitchboardEvent>, Uni<Void>> routeAll, Function<SwitchboardEvent, Uni<Void>> routeOne) {
        List<KafkaRecord<String, byte[]>> decodedRecords = new ArrayList<>();
        List<KafkaRecord<String, byte[]>> undecodable = new ArrayList<>();
        List<SwitchboardEvent> events = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            String type = header(record, CloudEventHeaders.TYPE);
            if (type != null && !handled.contains(type)) {
                continue;
            }
            try {
                events.add(EventMessages.decode(record));
                decodedRecords.add(record);
            } catch (EventDecodingException e) {
                undecodable.add(record);
            }
        }
        return oneByOne(undecodable, handled, routeOne)
                .chain(() -> Uni.createFrom().deferred(() -> routeAll.apply(events))
                        .onFailure(IncomingEvents::isPassing).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(8)
                        .onFailure().recoverWithUni(failure -> {
                            LOG.infof("Deciding a batch of %d events failed (%s); deciding them one by one", events.size(),
                                    failure.getClass().getSimpleName());
                            return oneByOne(decodedRecords, handled, routeOne);
                        }))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private static Uni<Void> oneByOne(List<KafkaRecord<String, byte[]>> records, Set<String> handled,
            Function<SwitchboardEvent, Uni<Void>> route) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> handle(record, handled, route).replaceWith(Boolean.TRUE))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * A failure another attempt may not meet (the database or broker unreachable, a timeout); bugs and
     * bad data (a rejected request, a broken invariant, an integrity or data error) are not retried.
     */
    static boolean isPassing(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
            return false;
        }
        return !(failure instanceof RoutingRejection || failure instanceof IllegalStateException
                || failure instanceof IllegalArgumentException || failure instanceof NullPointerException
                || failure instanceof NoSuchElementException);
    }

    private static String header(Message<byte[]> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(name))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
