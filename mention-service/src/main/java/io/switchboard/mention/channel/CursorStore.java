package io.switchboard.mention.channel;

import java.time.Duration;
import java.util.Optional;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Connectors' positions on their platforms (blocking calls: connectors run on their own threads). */
@ApplicationScoped
public class CursorStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    public Optional<String> get(String connector) {
        return pool.preparedQuery("select position from connector_cursor where connector = $1")
                .execute(Tuple.of(connector))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getString("position"))
                        : Optional.<String>empty())
                .await().atMost(TIMEOUT);
    }

    public void put(String connector, String position) {
        pool.preparedQuery("insert into connector_cursor (connector, position) values ($1, $2)"
                        + " on conflict (connector) do update set position = excluded.position, updated_at = now()")
                .execute(Tuple.of(connector, position))
                .await().atMost(TIMEOUT);
    }

    public void clear(String connector) {
        pool.preparedQuery("delete from connector_cursor where connector = $1").execute(Tuple.of(connector))
                .await().atMost(TIMEOUT);
    }
}
