package io.switchboard.mention.channel.mastodon;

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

/** Starts Mastodon polling on its own thread when the channel is enabled. */
@ApplicationScoped
public class MastodonChannel {

    @Inject
    MastodonConfig config;

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
        if (config.baseUrl().isEmpty() || config.accessToken().filter(t -> !t.isBlank()).isEmpty()) {
            health.down(MastodonPoller.CONNECTOR, "SWITCHBOARD_MASTODON_BASE_URL and _ACCESS_TOKEN must be set");
            return;
        }
        MastodonPoller poller = new MastodonPoller(MastodonPoller.CONNECTOR, new MastodonApi(config.baseUrl().get(),
                config.accessToken().get(), config.requestTimeout()), config.brandHandle().orElse(null),
                config.maxPagesPerPoll(), cursors, sink, health, Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mastodon-notifications");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                poller.pollOnce();
            } catch (RuntimeException e) {
                health.degraded(MastodonPoller.CONNECTOR, "poll failed: " + e.getClass().getSimpleName());
            }
        }, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
