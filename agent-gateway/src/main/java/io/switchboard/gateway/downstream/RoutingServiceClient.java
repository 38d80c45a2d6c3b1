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
 * routing-service's REST API as the gateway uses it, with the user's access token on every call.
 * Base URL: {@code quarkus.rest-client.routing-service.url}.
 */
@RegisterRestClient(configKey = "routing-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingServiceClient {

    String NAME = "routing-service";

    @GET
    @Path("/queues")
    Uni<List<QueueStatus>> queues(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/agents")
    Uni<List<AgentStatus>> agents(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/agents/me")
    Uni<AgentStatus> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/tickets/{id}/transfer")
    Uni<Void> transfer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID ticketId,
            TransferRequest transfer);

    /** Its refusals become the gateway's own problem details (see {@link DownstreamException}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.from(NAME, response);
    }
}
