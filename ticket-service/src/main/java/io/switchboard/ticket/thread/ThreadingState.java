package io.switchboard.ticket.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.ticket.customer.CustomerIdentity;
import io.switchboard.ticket.sla.TicketClocks;
import io.switchboard.ticket.ticket.Ticket;

/**
 * What a batch of mentions needs from the database, loaded up front in a handful of queries, and
 * kept current as the batch is threaded (a ticket opened by the first mention of a conversation is
 * found by the second one of the same batch).
 */
final class ThreadingState {

    final Set<UUID> recordedMentions = new HashSet<>();
    final Map<String, CustomerIdentity> identities = new HashMap<>();
    final Map<String, Conversation> conversations = new HashMap<>();
    final Map<UUID, Ticket> tickets = new HashMap<>();
    /** Per customer, their active tickets, most recently changed first. */
    final Map<UUID, List<Ticket>> activeByCustomer = new HashMap<>();
    /** The live SLA clocks of every ticket above. */
    final Map<UUID, TicketClocks> clocks = new HashMap<>();

    void addTicket(Ticket ticket) {
        tickets.put(ticket.id, ticket);
    }

    void addActive(Ticket ticket) {
        List<Ticket> active = activeByCustomer.computeIfAbsent(ticket.customerId, id -> new ArrayList<>());
        active.remove(ticket);
        active.add(0, ticket);
    }

    /** The ticket a conversation's ticket was merged into, if it was; at most a few hops. */
    Ticket surviving(Ticket ticket) {
        Ticket current = ticket;
        for (int hops = 0; current != null && current.mergedIntoId != null && hops < 10; hops++) {
            Ticket into = tickets.get(current.mergedIntoId);
            if (into == null) {
                break;
            }
            current = into;
        }
        return current;
    }

    /** The customer's most recently changed active ticket on the channel. */
    Ticket latestActive(UUID customerId, Channel channel) {
        for (Ticket ticket : activeByCustomer.getOrDefault(customerId, List.of())) {
            if (ticket.channel == channel && ticket.isActive() && ticket.mergedIntoId == null) {
                return ticket;
            }
        }
        return null;
    }
}
