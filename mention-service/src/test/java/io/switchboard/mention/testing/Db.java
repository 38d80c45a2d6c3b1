package io.switchboard.mention.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.events.Channel;
import io.switchboard.events.EventCodec;
import io.switchboard.events.mention.MentionReceived;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the service stored, read straight from its database. */
public final class Db {

    private Db() {
    }

    public static long mentions(Pool pool, Channel channel, String externalId) {
        return pool.preparedQuery("select count(*) from mention where channel = $1 and external_id = $2")
                .execute(Tuple.of(channel.name(), externalId))
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
    }

    /** The MentionReceived events of the outbox for these conversation keys (e.g. webhook:abc), in one query. */
    public static List<MentionReceived> outboxedByKeys(Pool pool, List<String> keys) {
        return pool.preparedQuery("select payload from outbox where ce_type = 'switchboard.mention.received.v1'"
                        + " and message_key = any($1)")
                .execute(Tuple.of(keys.toArray(new String[0])))
                .map(rows -> {
                    List<MentionReceived> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(EventCodec.decode(row.getBuffer("payload").getBytes(), MentionReceived.class));
                    }
                    return events;
                }).await().atMost(Duration.ofSeconds(20));
    }

    /** The MentionReceived events of the outbox whose payload names this mention id. */
    public static List<MentionReceived> outboxed(Pool pool, String mentionId) {
        return pool.preparedQuery("select payload from outbox where ce_type = 'switchboard.mention.received.v1'"
                        + " and position(convert_to($1, 'UTF8') in payload) > 0")
                .execute(Tuple.of("\"mentionId\":\"" + mentionId + "\""))
                .map(rows -> {
                    List<MentionReceived> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(EventCodec.decode(row.getBuffer("payload").getBytes(), MentionReceived.class));
                    }
                    return events;
                }).await().atMost(Duration.ofSeconds(5));
    }
}
