package io.switchboard.routing.queue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Caller;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.Requests;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.infra.Visibility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Queue status for supervisors (their teams' queues), and queue definitions for admins. */
@Path("/api/v1/queues")
public class QueueResource {

    /** @param overflowAfterSeconds with overflowQueueId: how long a ticket waits before it overflows */
    public record QueueRequest(String name, String team, List<String> requiredSkills, Boolean teamDefault,
            String overflowQueueId, Long overflowAfterSeconds) {
    }

    @Inject
    Routing routing;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<List<QueueStatus>> statuses() {
        return routing.transactions().read(c -> routing.queueStatus().statuses(c, visibleTeams()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<QueueStatus> status(@PathParam("id") String id) {
        return statuses().map(all -> all.stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> RoutingRejection.notFound("no queue " + id + " in your teams")));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<QueueStatus> save(@PathParam("id") String id, QueueRequest request) {
        if (request == null) {
            throw RoutingRejection.invalid("a body with name and team is required");
        }
        String overflow = request.overflowQueueId() == null ? null : Requests.name(request.overflowQueueId(), "overflowQueueId");
        if ((overflow == null) != (request.overflowAfterSeconds() == null)) {
            throw RoutingRejection.invalid("overflowQueueId and overflowAfterSeconds go together");
        }
        if (request.overflowAfterSeconds() != null && (request.overflowAfterSeconds() < 1
                || request.overflowAfterSeconds() > Duration.ofDays(7).toSeconds())) {
            throw RoutingRejection.invalid("overflowAfterSeconds must be between 1 and " + Duration.ofDays(7).toSeconds());
        }
        Queue queue = new Queue(Requests.name(id, "id"), Requests.text(request.name(), "name", 200),
                Requests.name(request.team(), "team"), Requests.names(request.requiredSkills(), "requiredSkills"),
                Boolean.TRUE.equals(request.teamDefault()), overflow,
                request.overflowAfterSeconds() == null ? null : Duration.ofSeconds(request.overflowAfterSeconds()));
        return routing.queueAdmin().save(queue).flatMap(saved -> status(id));
    }

    private Set<String> visibleTeams() {
        return Visibility.teamsOf(Caller.from(token, identity.getRoles()), routing.teams());
    }
}
