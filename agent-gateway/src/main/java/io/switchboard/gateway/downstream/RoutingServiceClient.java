package io.switchboard.gateway.downstream;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * routing-service's REST API as the gateway uses it (routing-service/README.md, "Endpoints"), with
 * the user's access token on every call; routing-service scopes queues, agents and transfers to the
 * caller's teams itself. Base URL: {@code quarkus.rest-client.routing-service.url}.
 */
@RegisterRestClient(configKey = "routing-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingServiceClient {

    String NAME = "routing-service";

    /** Supervisors and admins. */
    @GET
    @Path("/queues")
    Uni<List<QueueStatus>> queues(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Supervisors and admins. */
    @GET
    @Path("/agents")
    Uni<List<RoutingAgent>> agents(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Agents and supervisors; 404 until routing has seen the agent sign in. */
    @GET
    @Path("/agents/me")
    Uni<MyLoad> myLoad(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Supervisors and admins; 404 outside their teams' queues, 409 when the agent is offline or full. */
    @POST
    @Path("/tickets/{ticketId}/transfer")
    Uni<TicketPlace> transfer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("ticketId") UUID ticketId, TransferRequest transfer);

    /** Its refusals become the gateway's own problem details (see {@link DownstreamException}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.from(NAME, response);
    }
}
