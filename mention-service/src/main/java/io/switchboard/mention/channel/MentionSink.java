package io.switchboard.mention.channel;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.switchboard.events.Channel;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.ingest.IngestOutcome;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.InvalidMentionException;
import io.switchboard.mention.mention.Mention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where connectors hand their posts: the one ingestion path, called from the connectors' own
 * threads (it blocks until the post is committed, so a connector only moves its cursor past posts
 * that are safely stored). A post the platform sent but that cannot be accepted is counted and
 * skipped, never retried forever; a database failure propagates so the connector retries later.
 */
@ApplicationScoped
public class MentionSink {

    private static final Logger LOG = Logger.getLogger(MentionSink.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    MentionIngestor ingestor;

    @Inject
    MentionMetrics metrics;

    /** @return the outcome, or null if the post was garbage and skipped */
    public IngestOutcome accept(Mention mention, String connector) {
        try {
            return ingestor.ingest(mention).await().atMost(TIMEOUT);
        } catch (InvalidMentionException e) {
            garbage(mention.channel(), connector, e.getMessage());
            return null;
        }
    }

    /** Something from a platform that is not a usable post: counted and logged, without its content. */
    public void garbage(Channel channel, String connector, String why) {
        metrics.garbage(channel, connector);
        LOG.warnf("%s: skipped an unusable item from the platform (%s)", connector, why);
    }
}
