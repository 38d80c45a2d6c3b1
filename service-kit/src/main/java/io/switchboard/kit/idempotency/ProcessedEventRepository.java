package io.switchboard.kit.idempotency;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /** One statement, so two consumers racing on a redelivery cannot both win; %s are the two parameters. */
    private static final String MARK = "insert into processed_event (event_id, event_type, processed_at)"
            + " values (%s, %s, now()) on conflict (event_id) do nothing";

    /**
     * Records the event as processed unless it already was. Returns false for a redelivery: the
     * caller skips the effect. Must run inside the effect's transaction.
     */
    public Uni<Boolean> markProcessed(UUID eventId, String eventType) {
        return getSession().flatMap(session -> session
                .createNativeQuery(MARK.formatted(":id", ":type"))
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The same mark for a consumer that writes through the reactive SQL client rather than a
     * Hibernate session: pass the connection of the transaction that makes the effect.
     */
    public static Uni<Boolean> markProcessed(SqlClient transaction, UUID eventId, String eventType) {
        return transaction.preparedQuery(MARK.formatted("$1", "$2"))
                .execute(Tuple.of(eventId, eventType))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<List<ProcessedEvent>> latest(int limit) {
        return find("order by processedAt desc").page(0, limit).list();
    }
}
