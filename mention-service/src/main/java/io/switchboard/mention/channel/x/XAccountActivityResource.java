package io.switchboard.mention.channel.x;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.mention.infra.BadInput;
import io.switchboard.mention.infra.IngestionOutages;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.infra.RequestBodies;
import io.switchboard.mention.ingest.IngestOutcome;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.InvalidMentionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * X's Account Activity webhook: the CRC challenge X sends to check we hold the consumer secret,
 * and the events it pushes (mentions, replies, direct messages), each POST verified by its
 * signature before its body is read.
 */
@Path("/api/v1/channels/x/webhook")
public class XAccountActivityResource {

    /** What a POST did with its events. */
    public record Received(int accepted, int duplicates, int skipped) {
    }

    @Inject
    XConfig config;

    @Inject
    MentionIngestor ingestor;

    @Inject
    MentionMetrics metrics;

    @Inject
    IngestionOutages outages;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer X's CRC challenge")
    public Map<String, String> crc(@QueryParam("crc_token") String crcToken) {
        if (crcToken == null || crcToken.isBlank() || crcToken.length() > 512) {
            throw BadInput.badRequest("crc_token is required");
        }
        return Map.of("response_token", XWebhookSignature.crcResponse(secret(), crcToken));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive Account Activity events (signed by X)")
    public Uni<Received> events(@HeaderParam(XWebhookSignature.HEADER) String signature, byte[] body) {
        String secret;
        XActivityEvents.Parsed parsed;
        try {
            secret = secret();
            byte[] raw = RequestBodies.limited(body);
            if (!XWebhookSignature.valid(secret, raw, signature)) {
                throw new BadInput(Response.Status.UNAUTHORIZED, "The signature does not match the body");
            }
            parsed = XActivityEvents.parse(RequestBodies.json(RequestBodies.utf8(raw)), config.brandHandle().orElse(null));
        } catch (BadInput e) {
            metrics.rejected(Channel.X, e.status() == Response.Status.UNAUTHORIZED ? "signature" : "invalid");
            return Uni.createFrom().failure(e);
        }
        for (int i = 0; i < parsed.garbage(); i++) {
            metrics.garbage(Channel.X, XActivityEvents.SOURCE);
        }
        int[] counts = new int[3];
        counts[2] = parsed.garbage();
        // One after the other, in the order X sent them: a thread's posts stay in order.
        return outages.guard(Channel.X, Multi.createFrom().iterable(parsed.mentions())
                .onItem().transformToUniAndConcatenate(m -> ingestor.ingest(m)
                        .onFailure(InvalidMentionException.class).recoverWithItem(e -> {
                            metrics.garbage(Channel.X, XActivityEvents.SOURCE);
                            counts[2]++;
                            return null; // a null item is dropped from the stream
                        }))
                .invoke((IngestOutcome outcome) -> counts[outcome.accepted() ? 0 : 1]++)
                .collect().last()
                .map(ignored -> new Received(counts[0], counts[1], counts[2])));
    }

    private String secret() {
        return config.consumerSecret().filter(s -> !s.isBlank()).orElseThrow(() ->
                new BadInput(Response.Status.NOT_FOUND, "The X Account Activity webhook is not configured"));
    }
}
