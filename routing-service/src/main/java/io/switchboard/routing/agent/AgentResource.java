package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.kit.security.Caller;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.Routing;
import io.switchboard.routing.infra.Requests;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.infra.Visibility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Agents: each sees their own load; supervisors see their teams' agents; admins set skills,
 * languages, capacity and the supervisor flag (teams come from the identity provider).
 */
@Path("/api/v1/agents")
public class AgentResource {

    public record AgentView(String id, String username, String displayName, Set<String> teams, Set<String> skills,
            Set<String> languages, boolean supervisor, int capacity, int load, Presence presence, Instant lastHeartbeatAt,
            Instant lastAssignedAt) {

        static AgentView of(Agent a) {
            return new AgentView(a.id(), a.username(), a.displayName(), a.teams(), a.skills(), a.languages(), a.supervisor(),
                    a.capacity(), a.load(), a.presence(), a.lastHeartbeatAt(), a.lastAssignedAt());
        }
    }

    /** @param answered whether the agent has replied (an unanswered ticket goes back to the queue if they leave) */
    public record HeldTicket(UUID ticketId, String queueId, String team, Instant assignedAt, boolean answered) {
    }

    public record MyLoad(String agentId, Presence presence, int capacity, int load, int free, List<HeldTicket> tickets) {
    }

    /** A null field is left unchanged. */
    public record ProfileRequest(List<String> skills, List<String> languages, Integer capacity, Boolean supervisor) {
    }

    @Inject
    Routing routing;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    public Uni<MyLoad> myLoad() {
        String subject = token.getSubject();
        return routing.transactions().snapshot(c -> routing.agents().find(c, subject)
                .flatMap(agent -> routing.assignments().activeOf(c, subject).map(held -> {
                    Agent a = agent.orElseThrow(() -> RoutingRejection.notFound(
                            "routing has not seen you yet: it learns about agents when they sign in to the agent app"));
                    return new MyLoad(a.id(), a.presence(), a.capacity(), a.load(), Math.max(0, a.capacity() - a.load()),
                            held.stream().map(h -> new HeldTicket(h.ticketId(), h.queueId(), h.team(), h.assignedAt(),
                                    h.answeredAt() != null)).toList());
                })));
    }

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<List<AgentView>> list() {
        Set<String> visible = visibleTeams();
        return routing.transactions().read(c -> routing.agents().all(c))
                .map(all -> all.stream().filter(a -> canSee(visible, a)).map(AgentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<AgentView> get(@PathParam("id") String id) {
        Set<String> visible = visibleTeams();
        return routing.transactions().read(c -> routing.agents().find(c, id))
                .map(found -> found.filter(a -> canSee(visible, a)).map(AgentView::of)
                        .orElseThrow(() -> RoutingRejection.notFound("no agent " + id + " in your teams")));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<AgentView> change(@PathParam("id") String id, ProfileRequest request) {
        if (request == null) {
            throw RoutingRejection.invalid("a body with skills, languages, capacity or supervisor is required");
        }
        AgentAdmin.ProfileChange change = new AgentAdmin.ProfileChange(
                request.skills() == null ? null : Requests.names(request.skills(), "skills"),
                request.languages() == null ? null : Requests.languages(request.languages(), "languages"),
                request.capacity() == null ? null : Requests.between(request.capacity(), 0, 100, "capacity"),
                request.supervisor());
        return routing.agentAdmin().change(id, change, token.getSubject()).map(AgentView::of);
    }

    private Set<String> visibleTeams() {
        return Visibility.teamsOf(Caller.from(token, identity.getRoles()), routing.teams());
    }

    private boolean canSee(Set<String> visibleTeams, Agent agent) {
        return visibleTeams == null || routing.teams().of(agent).stream().anyMatch(visibleTeams::contains);
    }
}
