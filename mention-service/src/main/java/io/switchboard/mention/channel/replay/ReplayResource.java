package io.switchboard.mention.channel.replay;

import java.time.Duration;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.switchboard.kit.security.Roles;
import io.switchboard.mention.infra.BadInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For operators and the benchmark: start a replay of the recorded conversations. */
@Path("/api/v1/ops/replay")
public class ReplayResource {

    @Inject
    ReplaySource replay;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay the bundled conversations through ingestion (admin)")
    public Response start(@QueryParam("loops") @DefaultValue("1") int loops,
            @QueryParam("intervalMs") @DefaultValue("0") long intervalMs) {
        if (loops < 1 || loops > 1000 || intervalMs < 0 || intervalMs > 60_000) {
            throw BadInput.badRequest("loops must be 1-1000 and intervalMs 0-60000");
        }
        return replay.start(loops, Duration.ofMillis(intervalMs), Duration.ZERO)
                .map(run -> Response.accepted(run).build())
                .orElseThrow(() -> new BadInput(Response.Status.CONFLICT, "A replay is already running"));
    }
}
