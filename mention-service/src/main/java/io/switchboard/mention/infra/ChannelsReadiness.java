package io.switchboard.mention.infra;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.switchboard.mention.channel.ConnectorHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Readiness detail per connector. Always UP: a platform outage is the platform's, and taking this
 * service out of rotation would stop every other channel, the webhooks and the replies too. The
 * data shows which connector is up, degraded (rate limited, reconnecting) or down, and why.
 */
@Readiness
@ApplicationScoped
public class ChannelsReadiness implements HealthCheck {

    @Inject
    ConnectorHealth health;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Channel connectors").up();
        for (Map.Entry<String, ConnectorHealth.Status> e : health.all().entrySet()) {
            ConnectorHealth.Status s = e.getValue();
            response.withData(e.getKey(), s.state().name().toLowerCase() + " since " + s.since()
                    + (s.state() == ConnectorHealth.State.UP ? "" : ": " + s.detail())
                    + (s.lastSuccess() == null ? "" : "; last success " + s.lastSuccess()));
        }
        return response.build();
    }
}
