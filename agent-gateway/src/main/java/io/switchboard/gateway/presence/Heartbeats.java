package io.switchboard.gateway.presence;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.gateway.live.LiveConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Every few seconds, a heartbeat for each agent with a browser connected to this instance. */
@ApplicationScoped
public class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class);

    @Inject
    LiveConnections connections;

    @Inject
    PresenceService presence;

    @Scheduled(every = "${switchboard.presence.heartbeat-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> beat() {
        List<SignedInUser> agents = List.copyOf(connections.connectedAgents());
        return presence.heartbeat(agents).onFailure().recoverWithUni(e -> {
            LOG.warnf("heartbeats failed this round (%s); the next round repeats them", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }
}
