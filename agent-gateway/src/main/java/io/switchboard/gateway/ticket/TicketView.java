package io.switchboard.gateway.ticket;

import java.util.List;

import io.switchboard.events.Channel;
import io.switchboard.gateway.canned.CannedResponseResource.CannedResponseView;

/**
 * The ticket screen in one answer: the ticket and its thread, the customer's other tickets and
 * channels, what the composer needs (limits, signature, the team's canned responses).
 *
 * @param otherTickets the customer's other tickets, newest first; empty when ticket-service could not say
 */
public record TicketView(TicketCard ticket, List<ThreadMessage> messages, List<CustomerChannel> customerChannels,
                         List<TicketCard> otherTickets, Composer composer) {

    /** The customer on one channel (customer text). */
    public record CustomerChannel(Channel channel, String handle) {
    }

    /**
     * @param publicLimit the longest public reply on the ticket's channel (280 on X, as X counts); null
     *     when the channel has no public answer (the ask-us form)
     * @param privateLimit the longest private reply (direct message, e-mail)
     * @param signature the agent's signature for this channel, appended to replies
     */
    public record Composer(Integer publicLimit, int privateLimit, String signature,
                           List<CannedResponseView> cannedResponses) {
    }

    /** What a reply or a note answers: the ticket as it now is (new version, maybe new status) and the new message. */
    public record Update(TicketCard ticket, ThreadMessage message) {
    }
}
