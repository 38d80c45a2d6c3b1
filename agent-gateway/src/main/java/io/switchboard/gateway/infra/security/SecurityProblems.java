package io.switchboard.gateway.infra.security;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Refusals by @RolesAllowed leave as problem details too, like every other API error. */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.response(Response.Status.FORBIDDEN, "Your roles or teams do not allow this.", uri.getRequestUri());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Problem.response(Response.Status.UNAUTHORIZED, "Sign in (session cookie) or send a bearer token.",
                uri.getRequestUri());
    }
}
