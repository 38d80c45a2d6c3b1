package io.switchboard.routing.infra;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Routing's refusals as RFC 9457 problem details. Everything else (bodies of the wrong shape,
 * unexpected errors) is the service-kit's {@code ProblemMappers}.
 */
public class RoutingProblems {

    @ServerExceptionMapper
    public Response rejection(RoutingRejection e, UriInfo uri) {
        Response.Status status = switch (e.kind()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case INVALID -> Response.Status.BAD_REQUEST;
        };
        return Problem.response(status, e.getMessage(), uri.getRequestUri());
    }
}
