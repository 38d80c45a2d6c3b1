package io.switchboard.gateway.downstream;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tickets the caller still has to work on, from ticket-service's search ({@code assignee=me}, the
 * working statuses), following its cursor. Routing never gives an agent more than their capacity, so
 * {@link #MAX_TICKETS} is a guard, not a limit anyone reaches.
 */
@ApplicationScoped
public class AssignedTickets {

    /** The statuses of tickets an agent still has to work on. */
    public static final String WORKING_STATUSES = "NEW,OPEN,REOPENED,PENDING_CUSTOMER";
    static final int MAX_TICKETS = 200;

    @Inject
    @RestClient
    TicketServiceClient tickets;

    /** @param authorization the caller's "Bearer ..." header: {@code me} is whoever the token names */
    public Uni<List<TicketSummary>> of(String authorization) {
        return from(authorization, null, List.of());
    }

    private Uni<List<TicketSummary>> from(String authorization, String cursor, List<TicketSummary> before) {
        return tickets.search(authorization, WORKING_STATUSES, "me", null, cursor, TicketServiceClient.MAX_PAGE)
                .flatMap(page -> {
                    List<TicketSummary> all = new ArrayList<>(before);
                    all.addAll(page.items());
                    if (page.nextCursor() == null || all.size() >= MAX_TICKETS) {
                        return Uni.createFrom().item(List.copyOf(all));
                    }
                    return from(authorization, page.nextCursor(), all);
                });
    }
}
