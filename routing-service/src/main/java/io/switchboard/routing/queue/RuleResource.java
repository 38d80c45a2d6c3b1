package io.switchboard.routing.queue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.Requests;
import io.switchboard.routing.infra.RoutingRejection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Placement rules, for admins. A change applies to tickets opened afterwards. */
@Path("/api/v1/rules")
@RolesAllowed(Roles.ADMIN)
public class RuleResource {

    /** Empty or absent criteria match anything; rules are tried by ascending position. */
    public record RuleRequest(Integer position, String name, String queueId, List<String> channels, List<String> languages,
            List<String> intents, List<String> tags, List<String> priorities, Boolean enabled) {
    }

    @Inject
    Routing routing;

    @GET
    public Uni<List<PlacementRule>> list() {
        return routing.transactions().read(c -> routing.rules().all(c));
    }

    @GET
    @Path("/{id}")
    public Uni<PlacementRule> get(@PathParam("id") UUID id) {
        return routing.transactions().read(c -> routing.rules().find(c, id))
                .map(rule -> rule.orElseThrow(() -> RoutingRejection.notFound("no rule " + id)));
    }

    @POST
    public Uni<Response> create(RuleRequest request) {
        PlacementRule rule = rule(UUID.randomUUID(), request);
        return save(rule).map(saved -> Response.created(URI.create("/api/v1/rules/" + saved.id())).entity(saved).build());
    }

    @PUT
    @Path("/{id}")
    public Uni<PlacementRule> replace(@PathParam("id") UUID id, RuleRequest request) {
        PlacementRule rule = rule(id, request);
        return routing.transactions().read(c -> routing.rules().find(c, id))
                .flatMap(existing -> {
                    if (existing.isEmpty()) {
                        throw RoutingRejection.notFound("no rule " + id);
                    }
                    return save(rule);
                });
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return routing.transactions().inTransaction(c -> routing.rules().delete(c, id)).map(deleted -> {
            if (!deleted) {
                throw RoutingRejection.notFound("no rule " + id);
            }
            return Response.noContent().build();
        });
    }

    private Uni<PlacementRule> save(PlacementRule rule) {
        return routing.transactions().inTransaction(c -> routing.queues().all(c).flatMap(queues -> {
            if (!queues.containsKey(rule.queueId())) {
                throw RoutingRejection.invalid("no queue " + rule.queueId());
            }
            return routing.rules().upsert(c, rule).replaceWith(rule);
        }));
    }

    private static PlacementRule rule(UUID id, RuleRequest r) {
        if (r == null) {
            throw RoutingRejection.invalid("a body with position, name and queueId is required");
        }
        return new PlacementRule(id, Requests.between(r.position(), -1_000_000, 1_000_000, "position"),
                Requests.text(r.name(), "name", 200), Requests.name(r.queueId(), "queueId"),
                Requests.enums(r.channels(), Channel.class, "channels"), Requests.languages(r.languages(), "languages"),
                Requests.enums(r.intents(), Intent.class, "intents"), Requests.names(r.tags(), "tags"),
                Requests.enums(r.priorities(), Priority.class, "priorities"), r.enabled() == null || r.enabled());
    }
}
