package io.switchboard.gateway.ticket;

import java.util.List;

import io.switchboard.gateway.canned.CannedResponseResource.CannedResponseView;
import io.switchboard.gateway.downstream.CustomerProfile;
import io.switchboard.gateway.downstream.TicketDetail;
import io.switchboard.gateway.downstream.TicketSummary;

/**
 * The ticket screen in one answer: the ticket and its thread, the customer's other tickets and
 * channels, what the composer needs (limits, signature, the team's canned responses).
 *
 * @param otherTickets the customer's other tickets, newest first; empty when ticket-service could not say
 */
public record TicketView(TicketSummary ticket, List<TicketDetail.Message> messages,
                         List<CustomerProfile.Identity> customerChannels, List<TicketSummary> otherTickets,
                         Composer composer) {

    /**
     * @param publicLimit the longest public reply on the ticket's channel (280 on X)
     * @param privateLimit the longest private reply (direct message, e-mail)
     * @param signature the agent's signature for this channel, appended to replies
     */
    public record Composer(int publicLimit, int privateLimit, String signature, List<CannedResponseView> cannedResponses) {
    }
}
