package io.switchboard.mention.channel.x;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.mention.channel.Backoff;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Starts X ingestion as configured: mentions polling or the filtered stream, each on its own thread. */
@ApplicationScoped
public class XChannel {

    private static final Logger LOG = Logger.getLogger(XChannel.class);

    @Inject
    XConfig config;

    @Inject
    CursorStore cursors;

    @Inject
    MentionSink sink;

    @Inject
    ConnectorHealth health;

    private ScheduledExecutorService poller;
    private XFilteredStream stream;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled() || config.ingest() == XConfig.Ingest.NONE) {
            return;
        }
        String connector = config.ingest() == XConfig.Ingest.STREAM ? XFilteredStream.CONNECTOR : XMentionsPoller.CONNECTOR;
        if (config.bearerToken().filter(t -> !t.isBlank()).isEmpty()) {
            health.down(connector, "SWITCHBOARD_X_BEARER_TOKEN is not set");
            return;
        }
        XApiClient api = new XApiClient(config.apiBaseUrl(), config.requestTimeout());
        String token = config.bearerToken().get();
        if (config.ingest() == XConfig.Ingest.STREAM) {
            stream = new XFilteredStream(api, token, config.brandHandle().orElse(null),
                    XStreamRules.desired(config.brandHandle().orElse(null), config.keywords().orElse(List.of())), sink,
                    health, config.keepAliveTimeout(), config.maxBackfillMinutes(),
                    new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay()), Clock.systemUTC()).start();
            LOG.info("X: filtered stream started");
            return;
        }
        if (config.brandUserId().filter(t -> !t.isBlank()).isEmpty()) {
            health.down(connector, "SWITCHBOARD_X_BRAND_USER_ID is not set");
            return;
        }
        XMentionsPoller mentions = new XMentionsPoller(XMentionsPoller.CONNECTOR, api, token, config.brandUserId().get(),
                config.brandHandle().orElse(null), config.maxPagesPerPoll(), cursors, sink, health, Clock.systemUTC());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "x-mentions");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                mentions.pollOnce();
            } catch (RuntimeException e) {
                health.degraded(XMentionsPoller.CONNECTOR, "poll failed: " + e.getClass().getSimpleName());
            }
        }, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("X: mentions polling started");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (stream != null) {
            stream.stop();
        }
    }
}
