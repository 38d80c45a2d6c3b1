package io.switchboard.kit.problem;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error leaves the API as problem details; an unexpected one never shows its internals. A
 * failure because the database is unavailable for a moment (a restart, no free connection) is 503
 * with Retry-After, not 500: it passes, and a client that retries later succeeds.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * Between a service's own mappers (priority {@link Priorities#USER}, which still win) and Quarkus'
     * built-in one for a body of the wrong shape ({@code USER + 100}, plain JSON, not problem details).
     */
    static final int BELOW_SERVICE_MAPPERS = Priorities.USER + 50;

    /** About a PostgreSQL restart (the fault suite's take 2-7 s). */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String STORAGE_UNAVAILABLE = "The service's database is unavailable for a moment, so the request may"
            + " not have been carried out; send it again after the Retry-After delay.";

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status, e.getMessage(), uri.getRequestUri());
    }

    /**
     * A request body that is JSON, but not of the shape the endpoint takes (a string for a number, an
     * unknown enum value). Jackson's message quotes what was sent; the problem names the field only.
     * (Bodies that are not JSON at all reach {@link #webApplication} as a plain 400.)
     */
    @ServerExceptionMapper(value = { JsonProcessingException.class, MismatchedInputException.class },
            priority = BELOW_SERVICE_MAPPERS)
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape"
                + (field.isEmpty() ? "" : " at field " + field), uri.getRequestUri());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (StorageOutage.isTemporary(e)) {
            // The database is down, restarting or out of connections: it passes, so say when to retry.
            LOG.warnf("Answered 503 on %s: storage unavailable (%s)", uri.getPath(), StorageOutage.describe(e));
            Response problem = Problem.response(Response.Status.SERVICE_UNAVAILABLE, STORAGE_UNAVAILABLE,
                    uri.getRequestUri());
            return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        // The message may carry customer text; only the type goes to the log line's summary.
        LOG.errorf(e, "Unhandled %s on %s", e.getClass().getSimpleName(), uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.", uri.getRequestUri());
    }

    /** {@code skills[2]}, {@code rule.position}: where in the body, never what was there. */
    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
