package io.switchboard.mention.delivery;

import java.util.Optional;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.ReplyRequested;

/**
 * Posts agents' replies on one channel. Implementations are blocking (the reply worker calls them
 * from a worker thread) and report failures as
 * {@link io.switchboard.mention.channel.PlatformCallException}.
 */
public interface ReplyConnector {

    Channel channel();

    /** Posts the reply publicly (in the thread) or privately (to the recipient), as requested. */
    Posted post(ReplyRequested reply);

    /**
     * After a crash between "about to post" and "posted": whether the reply is in fact on the
     * platform. Empty means it is certainly not there and may be posted; if the platform cannot
     * tell, implementations throw, and the delivery stays in doubt rather than risk a double post.
     */
    Optional<Posted> findPosted(ReplyRequested reply);

    /** @param permalink a link to the posted reply, null if the channel has none */
    record Posted(String externalId, String permalink) {
    }
}
