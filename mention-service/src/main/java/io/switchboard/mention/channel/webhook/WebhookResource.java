package io.switchboard.mention.channel.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.mention.infra.BadInput;
import io.switchboard.mention.infra.IngestionOutages;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.infra.RequestBodies;
import io.switchboard.mention.ingest.IngestOutcome;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.InvalidMentionException;
import io.switchboard.mention.mention.Mention;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A signed webhook for any source the platform has no connector for (a shop, a chat widget, a
 * partner's CRM). No login: the HMAC signature with the source's secret is the authentication.
 */
@Path("/api/v1/channels/webhook/{source}")
public class WebhookResource {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

    /** What the sender gets back: the mention's id and whether it was new. */
    public record Accepted(UUID mentionId, String status) {
    }

    @Inject
    WebhookConfig config;

    @Inject
    MentionIngestor ingestor;

    @Inject
    MentionMetrics metrics;

    @Inject
    IngestionOutages outages;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a post from a signed source",
            description = "Body: see the README. Headers X-Switchboard-Timestamp (Unix seconds) and "
                    + "X-Switchboard-Signature (sha256=hex HMAC of '<timestamp>.<body>'). 202 new, 200 duplicate; 503 with Retry-After while storage is unavailable.")
    public Uni<Response> receive(@PathParam("source") String source,
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        try {
            String secret = secretOf(source);
            byte[] raw = RequestBodies.limited(body);
            String verified = WebhookSignature.verify(secret, timestamp, signature, raw, Instant.now(),
                    config.tolerance());
            Mention mention = WebhookPost.parse(RequestBodies.json(RequestBodies.utf8(raw)), source);
            return outages.guard(Channel.WEBHOOK, ingestor.ingest(mention, tx -> claim(tx, source, verified)))
                    .map(WebhookResource::response)
                    .onFailure(BadInput.class).invoke(e -> metrics.rejected(Channel.WEBHOOK, "replayed"))
                    .onFailure(InvalidMentionException.class).invoke(e -> metrics.rejected(Channel.WEBHOOK, "invalid"));
        } catch (BadInput e) {
            metrics.rejected(Channel.WEBHOOK, reason(e));
            return Uni.createFrom().failure(e);
        }
    }

    private String secretOf(String source) {
        String name = source == null ? "" : source.toLowerCase(Locale.ROOT);
        WebhookConfig.Source configured = SOURCE.matcher(name).matches() ? config.sources().get(name) : null;
        if (configured == null || configured.secret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new BadInput(Response.Status.NOT_FOUND, "No webhook source of that name is configured");
        }
        return configured.secret().get();
    }

    /** The signature is the replay key: a second request with it is refused, on any replica. */
    private static Uni<Void> claim(SqlConnection tx, String source, String signature) {
        return tx.preparedQuery("insert into webhook_request (source, signature) values ($1, $2)"
                        + " on conflict do nothing")
                .execute(Tuple.of(source, signature))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new BadInput(Response.Status.CONFLICT, "This signed request was already received");
                    }
                    return null;
                });
    }

    private static Response response(IngestOutcome outcome) {
        return Response.status(outcome.accepted() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(new Accepted(outcome.mentionId(), outcome.accepted() ? "accepted" : "duplicate"))
                .build();
    }

    private static String reason(BadInput e) {
        return switch (e.status()) {
            case UNAUTHORIZED -> "signature";
            case NOT_FOUND -> "unknown-source";
            case REQUEST_ENTITY_TOO_LARGE -> "too-large";
            default -> "invalid";
        };
    }
}
