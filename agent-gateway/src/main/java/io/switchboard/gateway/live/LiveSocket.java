package io.switchboard.gateway.live;

import java.time.Instant;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.gateway.downstream.AssignedTickets;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.gateway.infra.security.UserToken;
import io.switchboard.gateway.presence.PresenceService;
import jakarta.inject.Inject;

/**
 * The app's live connection: authenticated like the API (session cookie or bearer token; the
 * upgrade of a cookie session must also come from our own origin, see {@link SameOriginUpgrade}).
 * On open it says hello, signs an agent in (presence), and learns which tickets the agent holds from
 * ticket-service, with the agent's own token, so their messages can be pushed whichever instance
 * they land on. Pushes are one-way; the app sends only keep-alive pings.
 */
@WebSocket(path = LiveSocket.PATH)
@Authenticated
public class LiveSocket {

    public static final String PATH = "/api/v1/live";

    private static final Logger LOG = Logger.getLogger(LiveSocket.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    LiveConnections connections;

    @Inject
    TicketDirectory directory;

    @Inject
    PresenceService presence;

    @Inject
    AssignedTickets assigned;

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        SignedInUser user = SignedInUser.of(identity);
        String authorization = "Bearer " + UserToken.of(identity);
        connections.add(user, connection);
        learnTicketsOf(user, authorization);
        Uni<Presence> signedIn = user.isAgent()
                ? presence.connected(user).onFailure().recoverWithItem(e -> {
                    LOG.warnf("presence sign-in failed (%s); the next heartbeat round repeats it", e.getClass().getSimpleName());
                    return null;
                })
                : Uni.createFrom().nullItem();
        return signedIn.invoke(current -> connections.sendTo(connection, new LiveMessage("hello", null, Instant.now(), null,
                        Map.of("subject", user.subject(), "presence", current == null ? "NONE" : current.name()))))
                .replaceWithVoid();
    }

    @OnTextMessage
    public void received(String message) {
        // Keep-alive pings from the app; nothing to answer.
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        connections.remove(connection);
    }

    private void learnTicketsOf(SignedInUser user, String authorization) {
        if (!user.isAgent()) {
            return;
        }
        assigned.of(authorization).subscribe().with(
                mine -> mine.forEach(t -> directory.learn(t.id(), user.subject(), t.team())),
                failure -> LOG.debugf("could not learn an agent's tickets on connect: %s", failure.getClass().getSimpleName()));
    }
}
