package io.switchboard.mention.infra;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Turns away an announced oversized body on the public ingestion paths before it is read, with a
 * problem response. Bodies without a Content-Length are still bounded when they are read
 * ({@link RequestBodies#limited}) and by the server-wide limit.
 */
public class PublicBodyLimitFilter {

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/ask") && !path.startsWith("/api/v1/channels/")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) > RequestBodies.MAX_BYTES) {
                return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "The request body is larger than " + RequestBodies.MAX_BYTES + " bytes",
                        request.getUriInfo().getRequestUri());
            }
        } catch (NumberFormatException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "Content-Length is not a number",
                    request.getUriInfo().getRequestUri());
        }
        return null;
    }
}
