package io.switchboard.mention.channel.replay;

import java.util.Optional;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.delivery.ReplyConnector;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The replay channel has no platform behind it: a reply is acknowledged under an id derived from
 * the reply itself, so the demo shows it delivered and asking again yields the same post.
 */
@ApplicationScoped
public class ReplayReplyConnector implements ReplyConnector {

    @Override
    public Channel channel() {
        return Channel.REPLAY;
    }

    @Override
    public Posted post(ReplyRequested reply) {
        return new Posted("replay:" + reply.replyId(), null);
    }

    @Override
    public Optional<Posted> findPosted(ReplyRequested reply) {
        return Optional.of(post(reply));
    }
}
