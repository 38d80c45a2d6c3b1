package io.switchboard.gateway.downstream;

import java.util.List;

/**
 * One page of ticket-service's search, newest first; pass {@code nextCursor} back as {@code cursor}
 * for the next page. It is null on the last page.
 */
public record TicketPage(List<TicketSummary> items, String nextCursor) {

    public TicketPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
