package io.switchboard.kit.idempotency;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Records the event as processed unless it already was, in one statement so two consumers
     * racing on a redelivery cannot both win. Returns false for a redelivery: the caller skips
     * the effect. Must run inside the effect's transaction.
     */
    public Uni<Boolean> markProcessed(UUID eventId, String eventType) {
        return getSession().flatMap(session -> session
                .createNativeQuery("insert into processed_event (event_id, event_type, processed_at)"
                        + " values (:id, :type, now()) on conflict (event_id) do nothing")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<List<ProcessedEvent>> latest(int limit) {
        return find("order by processedAt desc").page(0, limit).list();
    }
}
