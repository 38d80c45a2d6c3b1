package io.switchboard.kit.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** For operators: the events this service consumed most recently (an admin diagnosing a consumer). */
@Path("/api/v1/ops/processed-events")
public class ProcessedEventResource {

    public record ProcessedEventView(UUID eventId, String eventType, Instant processedAt) {
    }

    @Inject
    ProcessedEventRepository repository;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @WithSession
    public Uni<List<ProcessedEventView>> latest(@QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        return repository.latest(bounded).map(events -> events.stream()
                .map(e -> new ProcessedEventView(e.eventId, e.eventType, e.processedAt))
                .toList());
    }
}
