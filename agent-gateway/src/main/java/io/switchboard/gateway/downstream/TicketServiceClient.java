package io.switchboard.gateway.downstream;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * ticket-service's REST API as the gateway uses it (ticket-service/README.md, "Endpoints"). Every call
 * carries the signed-in user's access token ({@code authorization} = "Bearer ..."), and ticket-service
 * scopes the answer to the user's roles and teams itself: a ticket of another team is 404. Every change
 * answers with the whole ticket as it now is. Base URL: {@code quarkus.rest-client.ticket-service.url}.
 */
@RegisterRestClient(configKey = "ticket-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketServiceClient {

    String NAME = "ticket-service";
    /** ticket-service's largest page. */
    int MAX_PAGE = 100;

    /**
     * Ticket search, newest first. A null parameter is left out of the query.
     *
     * @param statuses comma-separated statuses (any of them)
     * @param assignee an agent id, {@code me} (the token's subject) or {@code none}
     * @param sla ON_TRACK, AT_RISK, BREACHED or NONE
     * @param cursor {@code nextCursor} of the previous page
     * @param limit 1 to {@link #MAX_PAGE}
     */
    @GET
    @Path("/tickets")
    Uni<TicketPage> search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("status") String statuses, @QueryParam("assignee") String assignee, @QueryParam("sla") String sla,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/tickets/{id}")
    Uni<TicketDetail> ticket(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID ticketId);

    /** 404 when the caller may see none of the customer's tickets. */
    @GET
    @Path("/customers/{id}")
    Uni<CustomerProfile> customer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID customerId);

    /** 422 when the channel would not take it as written (with {@code suggestedVisibility}); 409 on a closed ticket. */
    @POST
    @Path("/tickets/{id}/replies")
    Uni<TicketDetail> reply(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, ReplyRequest reply);

    @POST
    @Path("/tickets/{id}/notes")
    Uni<TicketDetail> note(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, NoteRequest note);

    /** 409 invalid-transition or stale-version. */
    @PUT
    @Path("/tickets/{id}/status")
    Uni<TicketDetail> changeStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID ticketId, StatusChange change);

    /** Its refusals become the gateway's own problem details (see {@link DownstreamException}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.from(NAME, response);
    }
}
