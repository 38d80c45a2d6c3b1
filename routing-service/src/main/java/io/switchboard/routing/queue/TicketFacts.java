package io.switchboard.routing.queue;

import java.util.Set;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.ticket.Priority;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.routing.agent.Languages;

/**
 * What placement looks at.
 *
 * @param language primary subtag, null if unknown
 * @param sentiment null if triage gave none
 * @param followerCount the customer's reach, null if unknown
 */
public record TicketFacts(
        Channel channel,
        String language,
        Intent intent,
        Priority priority,
        Set<String> tags,
        String teamHint,
        Sentiment sentiment,
        Integer followerCount) {

    public TicketFacts {
        tags = Set.copyOf(tags);
    }

    public static TicketFacts of(TicketOpened opened) {
        return new TicketFacts(opened.channel(), Languages.primary(opened.language()), opened.intent(), opened.priority(),
                Set.copyOf(opened.tags()), opened.teamHint(), opened.sentiment(), opened.customer().followerCount());
    }
}
