package io.switchboard.routing.queue;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.ticket.Priority;

/**
 * Places a ticket in a queue when every non-empty criterion matches (any of its values); an empty
 * criterion matches anything. Rules are tried by ascending {@code position}; the first match wins.
 */
public record PlacementRule(
        UUID id,
        int position,
        String name,
        String queueId,
        Set<Channel> channels,
        Set<String> languages,
        Set<Intent> intents,
        Set<String> tags,
        Set<Priority> priorities,
        boolean enabled) {

    public PlacementRule {
        channels = Collections.unmodifiableSortedSet(new TreeSet<>(channels));
        languages = Collections.unmodifiableSortedSet(new TreeSet<>(languages));
        intents = Collections.unmodifiableSortedSet(new TreeSet<>(intents));
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        priorities = Collections.unmodifiableSortedSet(new TreeSet<>(priorities));
    }

    public boolean matches(TicketFacts ticket) {
        return enabled
                && (channels.isEmpty() || channels.contains(ticket.channel()))
                && (languages.isEmpty() || (ticket.language() != null && languages.contains(ticket.language())))
                && (intents.isEmpty() || intents.contains(ticket.intent()))
                && (tags.isEmpty() || !Collections.disjoint(tags, ticket.tags()))
                && (priorities.isEmpty() || priorities.contains(ticket.priority()));
    }
}
