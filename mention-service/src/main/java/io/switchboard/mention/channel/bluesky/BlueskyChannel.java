package io.switchboard.mention.channel.bluesky;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.mention.channel.ConnectorHealth;
import io.switchboard.mention.channel.CursorStore;
import io.switchboard.mention.channel.MentionSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Starts Bluesky polling on its own thread when the channel is enabled. */
@ApplicationScoped
public class BlueskyChannel {

    @Inject
    BlueskyConfig config;

    @Inject
    CursorStore cursors;

    @Inject
    MentionSink sink;

    @Inject
    ConnectorHealth health;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        if (config.identifier().isEmpty() || config.appPassword().filter(p -> !p.isBlank()).isEmpty()) {
            health.down(BlueskyPoller.CONNECTOR, "SWITCHBOARD_BLUESKY_IDENTIFIER and _APP_PASSWORD must be set");
            return;
        }
        BlueskyPoller poller = new BlueskyPoller(BlueskyPoller.CONNECTOR, new BlueskyApi(config.baseUrl(),
                config.identifier().get(), config.appPassword().get(), config.requestTimeout()),
                config.identifier().get(), config.maxPagesPerPoll(), cursors, sink, health, Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bluesky-notifications");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                poller.pollOnce();
            } catch (RuntimeException e) {
                health.degraded(BlueskyPoller.CONNECTOR, "poll failed: " + e.getClass().getSimpleName());
            }
        }, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
