package io.switchboard.gateway.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.WebSocketConnection;
import io.switchboard.gateway.infra.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The browsers connected to this gateway instance, and the pushes to them. */
@ApplicationScoped
public class LiveConnections {

    private static final Logger LOG = Logger.getLogger(LiveConnections.class);

    /** A connected browser tab: who is signed in there. */
    public record Live(SignedInUser user, WebSocketConnection connection) {
    }

    private final Map<String, Live> byConnectionId = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper json;

    public void add(SignedInUser user, WebSocketConnection connection) {
        byConnectionId.put(connection.id(), new Live(user, connection));
    }

    public void remove(WebSocketConnection connection) {
        byConnectionId.remove(connection.id());
    }

    /** Whether the user still has another tab open on this instance. */
    public boolean isConnected(String subject) {
        return byConnectionId.values().stream().anyMatch(live -> live.user().subject().equals(subject));
    }

    /** The signed-in agents connected here, once each (for heartbeats). */
    public Collection<SignedInUser> connectedAgents() {
        Map<String, SignedInUser> agents = new ConcurrentHashMap<>();
        byConnectionId.values().stream().map(Live::user).filter(SignedInUser::isAgent)
                .forEach(user -> agents.putIfAbsent(user.subject(), user));
        return List.copyOf(agents.values());
    }

    public boolean anySupervisor() {
        return byConnectionId.values().stream().anyMatch(live -> live.user().isSupervisor() || live.user().isAdmin());
    }

    /** Sends each delivery to every matching connection; a failed send only drops that push. */
    public void deliver(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            String text = null;
            for (Live live : byConnectionId.values()) {
                if (!delivery.recipient().matches(live.user()) || !live.connection().isOpen()) {
                    continue;
                }
                if (text == null) {
                    text = encode(delivery.message());
                    if (text == null) {
                        break;
                    }
                }
                send(live.connection(), text);
            }
        }
    }

    /** A push to one connection only. */
    public void sendTo(WebSocketConnection connection, LiveMessage message) {
        String text = encode(message);
        if (text != null) {
            send(connection, text);
        }
    }

    private void send(WebSocketConnection connection, String text) {
        connection.sendText(text).subscribe().with(ok -> {
        }, failure -> LOG.debugf("a push to connection %s failed: %s", connection.id(), failure.getClass().getSimpleName()));
    }

    private String encode(LiveMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            LOG.warnf("cannot encode a %s push (event %s)", message.type(), message.eventId());
            return null;
        }
    }
}
