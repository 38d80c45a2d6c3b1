package io.switchboard.gateway.downstream;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Downstream refusals and outages as the gateway's own RFC 9457 problem details. */
public class DownstreamProblems {

    private static final Logger LOG = Logger.getLogger(DownstreamProblems.class);

    /**
     * A refusal as the gateway's problem details, keeping the service's problem type and, for a
     * refused reply, {@code personalData} and {@code suggestedVisibility} (the offer to answer privately).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefusalProblem(URI type, String title, int status, String detail, URI instance,
            List<PiiFinding> personalData, Visibility suggestedVisibility) {
    }

    @ServerExceptionMapper
    public Response refused(DownstreamException e, UriInfo uri) {
        if (e.statusForCaller() == 502 || e.statusForCaller() == 503) {
            LOG.warnf("%s failed with HTTP %d on %s", e.service(), e.status(), uri.getPath());
        }
        Response.StatusType status = statusOf(e.statusForCaller());
        RefusalProblem body = new RefusalProblem(e.typeForCaller() == null ? URI.create("about:blank") : e.typeForCaller(),
                status.getReasonPhrase(), status.getStatusCode(), e.detailForCaller(), uri.getRequestUri(),
                e.personalData().isEmpty() ? null : e.personalData(), e.suggestedVisibility());
        Response.ResponseBuilder response = Response.status(status).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(body);
        e.retryAfter().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, UriInfo uri) {
        boolean down = causedBy(e, ConnectException.class);
        // The message may echo a payload; only the type and the path are logged.
        LOG.warnf("a downstream call failed (%s) on %s", rootCause(e).getClass().getSimpleName(), uri.getPath());
        return Problem.response(down ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.BAD_GATEWAY,
                down ? "A service behind the gateway is unreachable; try again shortly."
                        : "A service behind the gateway answered unexpectedly.",
                uri.getRequestUri());
    }

    static Response.StatusType statusOf(int code) {
        Response.Status known = Response.Status.fromStatusCode(code);
        if (known != null) {
            return known;
        }
        String reason = code == 422 ? "Unprocessable Content" : "HTTP " + code;
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
