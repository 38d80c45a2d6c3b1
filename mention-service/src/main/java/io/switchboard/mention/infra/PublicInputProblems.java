package io.switchboard.mention.infra;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.switchboard.kit.problem.Problem;
import io.switchboard.mention.mention.InvalidMentionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Refused input leaves as problem details, like every other error of the service. */
public class PublicInputProblems {

    @ServerExceptionMapper
    public Response badInput(BadInput e, UriInfo uri) {
        return Problem.response(e.status(), e.getMessage(), uri.getRequestUri());
    }

    @ServerExceptionMapper
    public Response invalidMention(InvalidMentionException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), uri.getRequestUri());
    }
}
