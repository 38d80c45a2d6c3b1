package io.switchboard.ticket.thread;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.ticket.customer.CustomerIdentityRepository;
import io.switchboard.ticket.sla.SlaClocks;
import io.switchboard.ticket.ticket.MessageRepository;
import io.switchboard.ticket.ticket.Ticket;
import io.switchboard.ticket.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Loads what a batch of mentions needs from the database, in a fixed handful of queries. */
@ApplicationScoped
public class ThreadingLoader {

    @Inject
    TicketRepository tickets;

    @Inject
    MessageRepository messages;

    @Inject
    CustomerIdentityRepository identities;

    @Inject
    ConversationRepository conversations;

    @Inject
    IgnoredMentionRepository ignoredMentions;

    @Inject
    SlaClocks slaClocks;

    /** Everything the batch needs, in five to seven queries whatever its size. */
    Uni<ThreadingState> load(List<MentionReceived> mentions) {
        ThreadingState state = new ThreadingState();
        Set<UUID> mentionIds = new LinkedHashSet<>();
        Set<String> platformIds = new HashSet<>();
        Set<String> conversationKeys = new HashSet<>();
        for (MentionReceived mention : mentions) {
            mentionIds.add(mention.mentionId());
            platformIds.add(mention.author().platformId());
            conversationKeys.add(mention.conversationKey());
        }
        return messages.recordedMentionIds(mentionIds).invoke(state.recordedMentions::addAll)
                .chain(() -> ignoredMentions.recordedMentionIds(mentionIds)).invoke(state.recordedMentions::addAll)
                .chain(() -> identities.byPlatformIds(platformIds)).invoke(found -> found.stream()
                        .filter(identity -> platformIds.contains(identity.platformId))
                        .forEach(identity -> state.identities.put(identity.key(), identity)))
                .chain(() -> conversations.findByKeys(conversationKeys)).invoke(found -> found
                        .forEach(conversation -> state.conversations.put(conversation.conversationKey, conversation)))
                .chain(() -> loadTickets(state, state.conversations.values().stream().map(c -> c.ticketId).toList(), 0))
                .chain(() -> tickets.activeOfCustomers(state.identities.values().stream().map(i -> i.customerId)
                        .distinct().toList()))
                .invoke(active -> {
                    // Most recently changed first: walk backwards so the first ends up in front.
                    for (int i = active.size() - 1; i >= 0; i--) {
                        Ticket loaded = active.get(i);
                        state.addActive(state.tickets.computeIfAbsent(loaded.id, id -> loaded));
                    }
                })
                .chain(() -> slaClocks.live(state.tickets.keySet())).invoke(state.clocks::putAll)
                .replaceWith(state);
    }

    /** Loads tickets and, hop by hop, the tickets they were merged into. */
    private Uni<Void> loadTickets(ThreadingState state, List<UUID> ids, int hop) {
        List<UUID> missing = ids.stream().filter(id -> !state.tickets.containsKey(id)).distinct().toList();
        if (missing.isEmpty() || hop > 5) {
            return Uni.createFrom().voidItem();
        }
        return tickets.findByIds(missing).chain(found -> {
            found.forEach(state::addTicket);
            return loadTickets(state, found.stream().filter(t -> t.mergedIntoId != null).map(t -> t.mergedIntoId).toList(),
                    hop + 1);
        });
    }
}
