package io.switchboard.ticket.infra.problem;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.kit.problem.Problem;
import io.switchboard.ticket.customer.CustomerNotFoundException;
import io.switchboard.ticket.reply.ReplyRefusedException;
import io.switchboard.ticket.ticket.InvalidTransitionException;
import io.switchboard.ticket.ticket.StaleVersionException;
import io.switchboard.ticket.ticket.TicketConflictException;
import io.switchboard.ticket.ticket.TicketNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * This service's errors as RFC 9457 problem details, each with a type naming the problem:
 * unknown (or out-of-scope) ticket 404, invalid transition 409, stale version 409, a reply the
 * channel would not take 422 (with where the personal data is and the visibility that works).
 * A body of the wrong JSON shape is the kit's problem ({@code io.switchboard.kit.problem.ProblemMappers}).
 */
public class TicketProblems {

    static final String TYPE = "urn:switchboard:problem:";

    /** A refused reply: the standard members plus what the agent needs to fix it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplyProblem(URI type, String title, int status, String detail, URI instance,
            List<PiiFinding> personalData, Visibility suggestedVisibility) {
    }

    @ServerExceptionMapper
    public Response notFound(TicketNotFoundException e, UriInfo uri) {
        return problem(Response.Status.NOT_FOUND, "ticket-not-found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response customerNotFound(CustomerNotFoundException e, UriInfo uri) {
        return problem(Response.Status.NOT_FOUND, "customer-not-found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalidTransition(InvalidTransitionException e, UriInfo uri) {
        return problem(Response.Status.CONFLICT, "invalid-transition", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersionException e, UriInfo uri) {
        return problem(Response.Status.CONFLICT, "stale-version", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(TicketConflictException e, UriInfo uri) {
        return problem(Response.Status.CONFLICT, "conflict", e.getMessage(), uri);
    }

    /** Two writers at once: Hibernate's version check refused the later one. */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return problem(Response.Status.CONFLICT, "stale-version", new StaleVersionException().getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response wrapped(CompletionException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return concurrentChange((RuntimeException) cause, uri);
        }
        return new io.switchboard.kit.problem.ProblemMappers().unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response replyRefused(ReplyRefusedException e, UriInfo uri) {
        ReplyProblem body = new ReplyProblem(URI.create(TYPE + e.problem()), "Reply not accepted", 422, e.getMessage(),
                uri.getRequestUri(), e.findings().isEmpty() ? null : e.findings(), e.suggestedVisibility());
        return Response.status(422).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(body).build();
    }

    static Response problem(Response.Status status, String name, String detail, UriInfo uri) {
        Problem body = new Problem(URI.create(TYPE + name), status.getReasonPhrase(), status.getStatusCode(), detail,
                uri.getRequestUri());
        return Response.status(status).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(body).build();
    }
}
