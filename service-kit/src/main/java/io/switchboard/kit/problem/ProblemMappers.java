package io.switchboard.kit.problem;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every error leaves the API as problem details; an unexpected one never shows its internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status, e.getMessage(), uri.getRequestUri());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        // The message may carry customer text; only the type goes to the log line's summary.
        LOG.errorf(e, "Unhandled %s on %s", e.getClass().getSimpleName(), uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.", uri.getRequestUri());
    }
}
