package io.switchboard.routing.infra.config;

import io.switchboard.routing.Routing;
import io.switchboard.routing.RoutingSettings;
import io.switchboard.routing.infra.metrics.RoutingMetrics;
import io.switchboard.routing.infra.outbox.OutboxRelay;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one routing engine, on the application's pool, reporting to metrics and the relay. */
public class RoutingBeans {

    @Produces
    @Singleton
    Routing routing(Pool pool, RoutingConfig config, RoutingMetrics metrics, OutboxRelay relay) {
        return new Routing(pool, RoutingSettings.from(config), (events, firstAssignments) -> {
            metrics.committed(events, firstAssignments);
            if (!events.isEmpty()) {
                relay.wake();
            }
        });
    }
}
