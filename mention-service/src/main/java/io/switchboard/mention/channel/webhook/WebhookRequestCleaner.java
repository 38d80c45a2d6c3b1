package io.switchboard.mention.channel.webhook;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Forgets replay keys once their timestamps are too old to be accepted anyway. */
@ApplicationScoped
public class WebhookRequestCleaner {

    @Inject
    Pool pool;

    @Inject
    WebhookConfig config;

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldRequests() {
        long keepSeconds = config.tolerance().toSeconds() * 2 + 60;
        return pool.query("delete from webhook_request where received_at < now() - interval '" + keepSeconds
                + " seconds'").execute().replaceWithVoid();
    }
}
