package io.switchboard.routing.queue;

import static io.switchboard.routing.infra.db.Sql.array;
import static io.switchboard.routing.infra.db.Sql.strings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The placement rules, in the order they are tried. */
public final class RuleStore {

    private static final String COLUMNS = "id, position, name, queue_id, channels, languages, intents, tags, priorities, enabled";

    public Uni<List<PlacementRule>> all(SqlClient client) {
        return client.query("select " + COLUMNS + " from placement_rule order by position, id").execute().map(rows -> {
            List<PlacementRule> rules = new ArrayList<>();
            rows.forEach(row -> rules.add(map(row)));
            return rules;
        });
    }

    public Uni<Optional<PlacementRule>> find(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from placement_rule where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
                });
    }

    public Uni<Void> upsert(SqlClient client, PlacementRule rule) {
        return client.preparedQuery("insert into placement_rule (id, position, name, queue_id, channels, languages, intents,"
                        + " tags, priorities, enabled) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " on conflict (id) do update set position = excluded.position, name = excluded.name,"
                        + " queue_id = excluded.queue_id, channels = excluded.channels, languages = excluded.languages,"
                        + " intents = excluded.intents, tags = excluded.tags, priorities = excluded.priorities,"
                        + " enabled = excluded.enabled, updated_at = now()")
                .execute(Tuple.from(new Object[] { rule.id(), rule.position(), rule.name(), rule.queueId(),
                        names(rule.channels()), array(rule.languages()), names(rule.intents()), array(rule.tags()),
                        names(rule.priorities()), rule.enabled() }))
                .replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient client, UUID id) {
        return client.preparedQuery("delete from placement_rule where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    static PlacementRule map(Row row) {
        return new PlacementRule(row.getUUID("id"), row.getInteger("position"), row.getString("name"),
                row.getString("queue_id"), enums(strings(row, "channels"), Channel::valueOf),
                strings(row, "languages"), enums(strings(row, "intents"), Intent::valueOf), strings(row, "tags"),
                enums(strings(row, "priorities"), Priority::valueOf), row.getBoolean("enabled"));
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return array(values.stream().map(Enum::name).toList());
    }

    private static <E> Set<E> enums(Set<String> names, Function<String, E> parse) {
        return names.stream().map(parse).collect(Collectors.toSet());
    }
}
