package io.switchboard.mention.channel;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How each connector is doing, for readiness detail and operators. A connector's trouble is its
 * own: it shows here (and in metrics) but never makes the service unready, because the other
 * channels must keep flowing.
 */
@ApplicationScoped
public class ConnectorHealth {

    public enum State {
        UP,
        /** Working, but held back: rate limited, reconnecting after a drop. */
        DEGRADED,
        DOWN
    }

    /** @param detail a short operator-facing reason, never platform payloads or personal data */
    public record Status(State state, String detail, Instant since, Instant lastSuccess) {
    }

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public ConnectorHealth(MeterRegistry registry) {
        this.registry = registry;
    }

    /** 2 up, 1 degraded, 0 down: one gauge per connector, so dashboards show which platform is in trouble. */
    private void gauge(String connector) {
        Gauge.builder("switchboard.connector.state", statuses, all -> {
            Status status = all.get(connector);
            return status == null ? 0 : switch (status.state()) {
                case UP -> 2;
                case DEGRADED -> 1;
                case DOWN -> 0;
            };
        }).tag("connector", connector).register(registry);
    }

    public void up(String connector) {
        gauge(connector);
        Instant now = Instant.now();
        statuses.compute(connector, (k, old) -> new Status(State.UP, "ok",
                old != null && old.state() == State.UP ? old.since() : now, now));
    }

    public void degraded(String connector, String detail) {
        set(connector, State.DEGRADED, detail);
    }

    public void down(String connector, String detail) {
        set(connector, State.DOWN, detail);
    }

    private void set(String connector, State state, String detail) {
        gauge(connector);
        Instant now = Instant.now();
        statuses.compute(connector, (k, old) -> new Status(state, detail,
                old != null && old.state() == state ? old.since() : now, old == null ? null : old.lastSuccess()));
    }

    public Map<String, Status> all() {
        return new TreeMap<>(statuses);
    }

    public Status of(String connector) {
        return statuses.get(connector);
    }
}
