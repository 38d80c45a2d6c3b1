package io.switchboard.gateway.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.gateway.downstream.AssignedTickets;
import io.switchboard.gateway.downstream.DownstreamException;
import io.switchboard.gateway.downstream.MyLoad;
import io.switchboard.gateway.downstream.RoutingServiceClient;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.gateway.live.TicketDirectory;
import io.switchboard.gateway.ticket.TicketCard;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The inbox screen in one call: my open tickets, most urgent first, and my load. ticket-service's list
 * entries carry everything a row shows (language, intent, sentiment, customer, SLA due time), so the
 * inbox is its search's pages; only a ticket routing just gave me that ticket-service does not list yet
 * is read in full.
 */
@Path("/api/v1/inbox")
@RolesAllowed(Roles.AGENT)
public class InboxResource {

    static final int DETAILS_AT_ONCE = 8;
    /** What an agent still works on (the statuses of AssignedTickets' search). */
    static final Set<TicketStatus> WORKING = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.REOPENED,
            TicketStatus.PENDING_CUSTOMER);

    private static final Logger LOG = Logger.getLogger(InboxResource.class);

    /**
     * @param me my presence, load and capacity from routing-service; null when it could not say (down,
     *     or it has not seen me sign in yet)
     */
    public record InboxView(List<TicketCard> tickets, Load me, Instant asOf) {
    }

    public record Load(Presence presence, int load, int capacity) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AssignedTickets assigned;

    @Inject
    @RestClient
    TicketServiceClient tickets;

    @Inject
    @RestClient
    RoutingServiceClient routing;

    @Inject
    TicketDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxView> inbox() {
        SignedInUser user = currentUser.get();
        String authorization = currentUser.authorization();
        Uni<List<TicketCard>> mine = assigned.of(authorization).flatMap(summaries -> {
            summaries.forEach(t -> directory.learn(t.id(), user.subject(), t.team()));
            List<TicketCard> cards = new ArrayList<>(summaries.stream().map(TicketCard::of).toList());
            // ticket-service learns routing's decisions asynchronously: a ticket routing just gave me (the
            // push that makes the app reload) may not be listed as mine yet. Only those, decided by routing
            // and missing from the list, are read in full; ticket-service's own word needs no second call.
            Set<UUID> unlisted = new LinkedHashSet<>();
            directory.heldBy(user.subject()).stream().filter(this::decidedByRouting).forEach(unlisted::add);
            summaries.forEach(t -> unlisted.remove(t.id()));
            return details(authorization, unlisted).map(late -> {
                cards.addAll(late);
                return cards;
            });
        }).map(cards -> cards.stream().filter(t -> WORKING.contains(t.status())).sorted(InboxOrder.MOST_URGENT_FIRST)
                .toList());
        // The inbox is still useful without the load figure: routing-service being down must not empty it.
        Uni<Load> me = routing.myLoad(authorization).map(InboxResource::load).onFailure().recoverWithItem(e -> {
            LOG.debugf("routing-service gave no load for the inbox: %s", e.getClass().getSimpleName());
            return null;
        });
        return Uni.combine().all().unis(mine, me).asTuple()
                .map(both -> new InboxView(both.getItem1(), both.getItem2(), Instant.now()));
    }

    private boolean decidedByRouting(UUID ticketId) {
        return directory.holder(ticketId).map(TicketDirectory.Holder::decided).orElse(false);
    }

    /** Each ticket in full; one that left the agent's teams meanwhile (404) is left out. */
    private Uni<List<TicketCard>> details(String authorization, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUni(id -> tickets.ticket(authorization, id).map(TicketCard::of)
                        .onFailure(e -> e instanceof DownstreamException d && d.status() == 404).recoverWithNull())
                .merge(DETAILS_AT_ONCE)
                .collect().asList();
    }

    private static Load load(MyLoad mine) {
        return new Load(mine.presence(), mine.load(), mine.capacity());
    }
}
