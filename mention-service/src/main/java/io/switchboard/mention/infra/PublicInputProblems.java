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

    /** 503 with Retry-After: a sender that honours it delivers the post once storage is back. */
    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e, UriInfo uri) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(),
                uri.getRequestUri())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalidMention(InvalidMentionException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), uri.getRequestUri());
    }
}
