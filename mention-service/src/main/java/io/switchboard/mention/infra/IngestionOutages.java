package io.switchboard.mention.infra;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.kit.problem.StorageOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The public endpoints that accept posts answer a storage outage with 503 and Retry-After instead
 * of 500: webhook senders, X and the ask-us page then send the same post again, and since nothing
 * was committed the retry is accepted once. A failure that is not temporary stays what it is (500).
 */
@ApplicationScoped
public class IngestionOutages {

    private static final Logger LOG = Logger.getLogger(IngestionOutages.class);

    @ConfigProperty(name = "switchboard.ingest.retry-after", defaultValue = "PT5S")
    Duration retryAfter;

    @Inject
    MentionMetrics metrics;

    /** {@code accepting} with a temporary storage failure turned into {@link ServiceUnavailable}. */
    public <T> Uni<T> guard(Channel channel, Uni<T> accepting) {
        return accepting.onFailure(StorageOutage::isTemporary).transform(failure -> {
            metrics.unavailable(channel);
            LOG.warnf("Answered 503 to a post on %s: storage unavailable (%s)", channel, StorageOutage.describe(failure));
            return new ServiceUnavailable(retryAfter);
        });
    }
}
