package io.switchboard.gateway.presence;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The agent's presence switch: online (routed new tickets) or away. Offline is signing out. */
@Path("/api/v1/presence")
@RolesAllowed(Roles.AGENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PresenceResource {

    public record PresenceView(Presence presence) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PresenceService presence;

    @GET
    public Uni<PresenceView> current() {
        return presence.current(currentUser.get()).map(PresenceView::new);
    }

    @PUT
    public Uni<PresenceView> change(PresenceView wanted) {
        if (wanted == null || wanted.presence() == null || wanted.presence() == Presence.OFFLINE) {
            throw new BadRequestException("presence must be ONLINE or AWAY (sign out to go offline).");
        }
        return presence.change(currentUser.get(), wanted.presence()).map(PresenceView::new);
    }
}
