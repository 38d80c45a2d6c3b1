package io.switchboard.gateway.downstream;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * ticket-service's REST API as the gateway uses it. Every call carries the signed-in user's access
 * token ({@code authorization} = "Bearer ..."), and ticket-service scopes the answer to the user's
 * roles and teams itself. Base URL: {@code quarkus.rest-client.ticket-service.url}.
 */
@RegisterRestClient(configKey = "ticket-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketServiceClient {

    String NAME = "ticket-service";

    /** Tickets assigned to an agent in the given statuses (comma-separated), most urgent first. */
    @GET
    @Path("/tickets")
    Uni<TicketPage> ticketsAssignedTo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("assignee") String agentId, @QueryParam("status") String statuses,
            @QueryParam("limit") int limit);

    @GET
    @Path("/tickets/{id}")
    Uni<TicketDetail> ticket(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID ticketId);

    @GET
    @Path("/customers/{id}")
    Uni<CustomerProfile> customer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID customerId);

    @POST
    @Path("/tickets/{id}/replies")
    Uni<TicketDetail.Message> reply(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, ReplyRequest reply);

    @POST
    @Path("/tickets/{id}/notes")
    Uni<TicketDetail.Message> note(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, NoteRequest note);

    @POST
    @Path("/tickets/{id}/status")
    Uni<TicketSummary> changeStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, StatusChange change);

    /** Its refusals become the gateway's own problem details (see {@link DownstreamException}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.from(NAME, response);
    }
}
