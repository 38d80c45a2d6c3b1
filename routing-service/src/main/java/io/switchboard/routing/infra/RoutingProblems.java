package io.switchboard.routing.infra;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Routing's refusals and unreadable request bodies as RFC 9457 problem details. */
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

    /**
     * A body of the wrong shape. Quarkus' own mapper for this answers with plain JSON (and sometimes
     * no body at all), not problem details; this one is more specific to this application.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** The parser's message may quote the body; the problem names the field path only. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at field " + fieldPath(mapping)
                : "";
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape" + where,
                uri.getRequestUri());
    }

    private static String fieldPath(JsonMappingException e) {
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
