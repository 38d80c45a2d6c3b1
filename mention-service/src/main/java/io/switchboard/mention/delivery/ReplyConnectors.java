package io.switchboard.mention.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.switchboard.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** The reply connector of each channel that has one. */
@ApplicationScoped
public class ReplyConnectors {

    private final Map<Channel, ReplyConnector> byChannel = new EnumMap<>(Channel.class);

    @jakarta.inject.Inject
    public ReplyConnectors(@Any Instance<ReplyConnector> connectors) {
        this((Iterable<ReplyConnector>) connectors);
    }

    public ReplyConnectors(Iterable<ReplyConnector> connectors) {
        for (ReplyConnector connector : connectors) {
            byChannel.put(connector.channel(), connector);
        }
    }

    public Optional<ReplyConnector> of(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
