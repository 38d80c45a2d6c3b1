package io.switchboard.ticket.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whom one erasure covers: the customer, the customers merged into them earlier (the same person,
 * whose ids still sign their old posts and key their old events), and their tickets.
 */
record ErasureScope(UUID customerId, List<UUID> mergedCustomerIds, List<UUID> ticketIds) {

    ErasureScope {
        mergedCustomerIds = List.copyOf(mergedCustomerIds);
        ticketIds = List.copyOf(ticketIds);
    }

    /** Every customer id the person had: the author of their posts, the key of their customer events. */
    Set<String> personIds() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(customerId.toString());
        mergedCustomerIds.forEach(id -> ids.add(id.toString()));
        return ids;
    }

    /** The outbox keys of events about them: their tickets' ids and their customer ids. */
    Set<String> outboxKeys() {
        Set<String> keys = new LinkedHashSet<>(personIds());
        ticketIds.forEach(id -> keys.add(id.toString()));
        return keys;
    }
}
