package io.switchboard.gateway.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.downstream.AssignedTickets;
import io.switchboard.gateway.downstream.QueueStatus;
import io.switchboard.gateway.downstream.TicketDetail;
import io.switchboard.gateway.downstream.TicketPage;
import io.switchboard.gateway.downstream.TicketServiceClient;
import io.switchboard.gateway.downstream.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many waiting tickets of each queue have an SLA at risk (warned) or already breached. routing-service
 * knows what waits but nothing of SLAs; ticket-service knows SLAs and the ticket's team but lists no
 * queue. So: ticket-service's unassigned tickets whose SLA is AT_RISK or BREACHED, counted under their
 * team's queue; only when a team has several queues is each such ticket read in full for its queue.
 */
@ApplicationScoped
public class SlaAtRisk {

    static final int DETAILS_AT_ONCE = 8;

    @Inject
    @RestClient
    TicketServiceClient tickets;

    /** Queue id → waiting tickets at risk; a queue without any is absent. */
    public Uni<Map<String, Integer>> byQueue(String authorization, List<QueueStatus> queues) {
        Uni<List<TicketSummary>> atRisk = waiting(authorization, "AT_RISK");
        Uni<List<TicketSummary>> breached = waiting(authorization, "BREACHED");
        return Uni.combine().all().unis(atRisk, breached).asTuple().flatMap(both -> {
            Map<String, List<QueueStatus>> queuesOfTeam = queues.stream().filter(q -> q.team() != null)
                    .collect(Collectors.groupingBy(QueueStatus::team));
            Map<String, Integer> counts = new HashMap<>();
            List<TicketSummary> ambiguous = new ArrayList<>();
            List<TicketSummary> all = new ArrayList<>(both.getItem1());
            all.addAll(both.getItem2()); // disjoint: AT_RISK means warned and not breached
            for (TicketSummary t : all) {
                List<QueueStatus> candidates = queuesOfTeam.getOrDefault(t.team(), List.of());
                if (candidates.size() == 1) {
                    counts.merge(candidates.get(0).id(), 1, Integer::sum);
                } else if (candidates.size() > 1) {
                    ambiguous.add(t);
                }
            }
            return queuesOf(authorization, ambiguous).map(queueIds -> {
                queueIds.forEach(id -> counts.merge(id, 1, Integer::sum));
                return counts;
            });
        });
    }

    /** One page is plenty: a supervisor acts on the first hundred long before the count matters. */
    private Uni<List<TicketSummary>> waiting(String authorization, String sla) {
        return tickets.search(authorization, AssignedTickets.WORKING_STATUSES, "none", sla, null, TicketServiceClient.MAX_PAGE)
                .map(TicketPage::items);
    }

    private Uni<List<String>> queuesOf(String authorization, List<TicketSummary> ambiguous) {
        if (ambiguous.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(ambiguous)
                .onItem().transformToUni(t -> tickets.ticket(authorization, t.id()).map(TicketDetail::queueId)
                        .onFailure().recoverWithNull())
                .merge(DETAILS_AT_ONCE)
                .collect().asList();
    }
}
