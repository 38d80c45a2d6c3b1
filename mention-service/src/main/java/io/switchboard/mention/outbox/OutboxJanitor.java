package io.switchboard.mention.outbox;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes sent outbox rows after a retention period (kept meanwhile for diagnosis). Unsent rows stay. */
@ApplicationScoped
public class OutboxJanitor {

    @Inject
    Pool pool;

    @ConfigProperty(name = "switchboard.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return pool.preparedQuery("delete from outbox where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds())).replaceWithVoid();
    }
}
