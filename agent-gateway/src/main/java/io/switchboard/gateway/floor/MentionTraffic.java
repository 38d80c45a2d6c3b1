package io.switchboard.gateway.floor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.TicketOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds the mention chart from ticket-events: every customer message counts once, under the
 * channel and sentiment of its ticket (from the TicketOpened this instance saw; "UNKNOWN" for
 * tickets opened before the instance started).
 */
@ApplicationScoped
public class MentionTraffic {

    static final int MAX_TICKETS = 50_000;

    private record Traits(String channel, String sentiment) {
    }

    private final Map<UUID, Traits> traits = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Traits> eldest) {
            return size() > MAX_TICKETS;
        }
    };

    @Inject
    MentionRate rate;

    public void observe(SwitchboardEvent event) {
        if (event instanceof TicketOpened opened) {
            synchronized (traits) {
                traits.put(opened.ticketId(), new Traits(opened.channel().name(),
                        opened.sentiment() == null ? null : opened.sentiment().label().name()));
            }
        } else if (event instanceof MessageAdded added && added.kind() == MessageAdded.Kind.CUSTOMER) {
            Traits known;
            synchronized (traits) {
                known = traits.get(added.ticketId());
            }
            rate.record(added.occurredAt(), known == null ? null : known.channel(), known == null ? null : known.sentiment());
        }
    }
}
