package io.switchboard.mention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.switchboard.events.Channel;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.infra.MentionMetrics;

/**
 * Delivers claimed replies, at most once each. The claim is committed before the platform is
 * called; the outcome after. A reply whose previous call ended without a clear answer, or whose
 * worker died mid-call, is in doubt: it is first looked for on the platform, and posted again only
 * if it is certainly not there.
 */
public final class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);

    private final DeliveryRepository repository;
    private final ReplyConnectors connectors;
    private final DeliveryPolicy policy;
    private final MentionMetrics metrics;
    private final Clock clock;

    public DeliveryProcessor(DeliveryRepository repository, ReplyConnectors connectors, DeliveryPolicy policy,
            MentionMetrics metrics, Clock clock) {
        this.repository = repository;
        this.connectors = connectors;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Claims and handles one due delivery; false when none is due. */
    public boolean runOnce() {
        Optional<Delivery> claimed = repository.claimNext(clock.instant(), policy.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        Delivery d = claimed.get();
        Channel channel = d.request().channel();
        Optional<ReplyConnector> connector = connectors.of(channel);
        if (connector.isEmpty()) {
            fail(d, ReplyFailed.Code.CHANNEL_UNAVAILABLE, "Replies on " + name(channel)
                    + " are not supported by this installation; answer the customer another way", false);
            return true;
        }
        try {
            deliver(d, connector.get());
        } catch (PlatformCallException e) {
            handle(d, e);
        }
        return true;
    }

    private void deliver(Delivery d, ReplyConnector connector) {
        if (d.inDoubt()) {
            Optional<ReplyConnector.Posted> found = connector.findPosted(d.request());
            if (found.isPresent()) {
                LOG.infof("Reply %s was already on %s: recorded, not posted again", d.replyId(), name(d.request().channel()));
                delivered(d, found.get());
                return;
            }
        }
        if (d.attempts() > policy.maxAttempts()) {
            fail(d, ReplyFailed.Code.CHANNEL_UNAVAILABLE, name(d.request().channel()) + " could not be reached after "
                    + policy.maxAttempts() + " attempts; send the reply again later", true);
            return;
        }
        delivered(d, connector.post(d.request()));
    }

    private void delivered(Delivery d, ReplyConnector.Posted posted) {
        ReplyRequested r = d.request();
        repository.delivered(d, posted.externalId(), posted.permalink(), ReplyDelivered.of(r.replyId(), r.ticketId(),
                r.channel(), posted.externalId(), posted.permalink(), Math.max(1, d.attempts())));
        metrics.delivery(r.channel(), "delivered");
    }

    private void handle(Delivery d, PlatformCallException e) {
        Channel channel = d.request().channel();
        String platform = name(channel);
        switch (e.kind()) {
            case RATE_LIMITED -> {
                if (d.attempts() >= policy.maxAttempts()) {
                    fail(d, ReplyFailed.Code.RATE_LIMITED, platform + " is rate-limiting our account; send the reply"
                            + " again in a few minutes", true);
                } else {
                    Instant at = e.retryAt() != null && e.retryAt().isAfter(clock.instant()) ? e.retryAt() : later(d);
                    repository.retryAt(d, at, "rate limited");
                    metrics.delivery(channel, "retry");
                }
            }
            case REJECTED -> fail(d, ReplyFailed.Code.CONTENT_REJECTED, platform + " refused the reply: "
                    + e.getMessage() + ". Edit it and send again", false);
            case NOT_FOUND -> fail(d, ReplyFailed.Code.TARGET_NOT_FOUND, "The post being answered or the recipient"
                    + " no longer exists on " + platform, false);
            case NOT_AUTHORIZED -> fail(d, ReplyFailed.Code.NOT_AUTHORIZED, platform + " did not accept our account's"
                    + " credentials (" + e.getMessage() + "); an administrator must fix the channel settings", true);
            default -> {
                // Unavailable, network, unreadable answer: the post may or may not have been made.
                if (d.attempts() >= policy.maxAttempts() + 2) {
                    fail(d, ReplyFailed.Code.UNKNOWN, "It is not certain whether the reply reached " + platform
                            + "; check the conversation there before sending it again", false);
                } else {
                    repository.inDoubtUntil(d, later(d), e.kind().name().toLowerCase(Locale.ROOT));
                    metrics.delivery(channel, "in-doubt");
                }
            }
        }
    }

    private void fail(Delivery d, ReplyFailed.Code code, String reason, boolean retryable) {
        ReplyRequested r = d.request();
        String bounded = reason.length() > 500 ? reason.substring(0, 500) : reason;
        repository.failed(d, code.name(), bounded, ReplyFailed.of(r.replyId(), r.ticketId(), r.channel(), code, bounded,
                retryable, Math.max(1, d.attempts())));
        metrics.delivery(r.channel(), "failed");
    }

    private Instant later(Delivery d) {
        long factor = 1L << Math.min(Math.max(0, d.attempts() - 1), 16);
        Duration delay = policy.retryDelay().multipliedBy(factor);
        return clock.instant().plus(delay.compareTo(policy.maxRetryDelay()) > 0 ? policy.maxRetryDelay() : delay);
    }

    private static String name(Channel channel) {
        return switch (channel) {
            case X -> "X";
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
            case WEBHOOK -> "the webhook source";
            case ASK_US -> "the ask-us channel";
            case REPLAY -> "the replay channel";
        };
    }
}
