package io.switchboard.mention.channel.askus;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.kit.problem.Problem;
import io.switchboard.mention.infra.BadInput;
import io.switchboard.mention.infra.IngestionOutages;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.infra.RateLimiter;
import io.switchboard.mention.infra.RequestBodies;
import io.switchboard.mention.infra.ServiceUnavailable;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** "Ask us": for customers without a social account. No login; limited per client address. */
@Path("/api/v1/ask")
public class AskUsResource {

    public record Received(String reference, String status, URI followUpUrl) {
    }

    public record AnswerView(String text, Instant answeredAt) {
    }

    public record FollowUpView(String reference, String status, Instant submittedAt, List<AnswerView> answers) {
    }

    private final AskUsService service;
    private final AskUsConfig config;
    private final MentionMetrics metrics;
    private final RateLimiter limiter;
    private final IngestionOutages outages;

    @Inject
    public AskUsResource(AskUsService service, AskUsConfig config, MentionMetrics metrics, IngestionOutages outages) {
        this.service = service;
        this.config = config;
        this.metrics = metrics;
        this.outages = outages;
        this.limiter = new RateLimiter(config.rateLimit(), config.ratePeriod());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a question", description = "Body {email, name?, message}. 201 with the reference and "
            + "the secret follow-up link; 429 when this address asked too often; 503 with Retry-After while "
            + "storage is unavailable (nothing kept: send it again).")
    public Uni<Response> askJson(byte[] body, @Context HttpServerRequest request, @Context UriInfo uri) {
        return ask(body, request, uri, false, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Ask a question from an HTML form", description = "Fields email, name, message.")
    public Uni<Response> askForm(byte[] body, @Context HttpServerRequest request, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return ask(body, request, uri, true, wantsHtml(headers));
    }

    @GET
    @Path("/follow-up/{token}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The status of a question and its answers, by the secret link")
    public Uni<Response> followUp(@PathParam("token") String token, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return service.followUp(token).map(found -> {
            if (found.isEmpty()) {
                return Problem.response(Response.Status.NOT_FOUND, "No question has this follow-up link",
                        uri.getRequestUri());
            }
            AskUsService.FollowUp f = found.get();
            if (wantsHtml(headers)) {
                return html(Response.ok(), AskUsPages.followUp(f));
            }
            return Response.ok(new FollowUpView(f.reference(), f.status().name().toLowerCase(), f.submittedAt(),
                    f.answers().stream().map(a -> new AnswerView(a.text(), a.answeredAt())).toList()))
                    .header("Cache-Control", "no-store").build();
        });
    }

    private Uni<Response> ask(byte[] body, HttpServerRequest request, UriInfo uri, boolean form, boolean html) {
        long retryAfter = limiter.acquire(clientAddress(request));
        if (retryAfter > 0) {
            metrics.rejected(Channel.ASK_US, "rate-limited");
            return Uni.createFrom().item(Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS,
                    "Too many questions from this address; please try again later", uri.getRequestUri()))
                    .header("Retry-After", retryAfter).build());
        }
        AskUsForm question;
        try {
            byte[] raw = RequestBodies.limited(body);
            question = form ? AskUsForm.fromForm(raw) : AskUsForm.fromJson(raw);
        } catch (BadInput e) {
            metrics.rejected(Channel.ASK_US, e.status() == Response.Status.REQUEST_ENTITY_TOO_LARGE ? "too-large" : "invalid");
            return Uni.createFrom().failure(e);
        }
        Uni<Response> asked = outages.guard(Channel.ASK_US, service.ask(question)).map(created -> {
            URI link = followUpLink(uri, created.token());
            if (html) {
                return html(Response.status(Response.Status.CREATED).location(link),
                        AskUsPages.received(created.reference(), link.toString()));
            }
            return Response.status(Response.Status.CREATED).location(link)
                    .entity(new Received(created.reference(), "received", link))
                    .header("Cache-Control", "no-store").build();
        });
        // A person at a browser gets a page that says to send the form again in a moment; others the problem.
        return html ? asked.onFailure(ServiceUnavailable.class).recoverWithItem(e -> html(
                Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header("Retry-After", ((ServiceUnavailable) e).retryAfterSeconds()),
                AskUsPages.tryAgain(((ServiceUnavailable) e).retryAfterSeconds()))) : asked;
    }

    private URI followUpLink(UriInfo uri, String token) {
        String base = config.publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElse(uri.getBaseUri().toString().replaceAll("/$", ""));
        return URI.create(base + "/api/v1/ask/follow-up/" + token);
    }

    private static Response html(Response.ResponseBuilder builder, String page) {
        return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(page)
                .header("Content-Security-Policy", AskUsPages.CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").build();
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType()).orElse(false);
    }

    /** The peer address; with quarkus.http.proxy.* enabled behind a proxy, the forwarded client. */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
