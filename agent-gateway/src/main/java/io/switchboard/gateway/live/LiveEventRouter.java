package io.switchboard.gateway.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.events.ticket.TicketVisibilityChanged;
import io.switchboard.gateway.live.TicketDirectory.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides who is pushed what for each event, and keeps the ticket directory up to date with
 * routing's decisions. Agents get their own assignments and everything about the tickets they hold
 * (messages, delivery outcomes, SLA warnings); supervisors get their teams' queue changes. Message
 * texts go only to the agent holding the ticket.
 */
@ApplicationScoped
public class LiveEventRouter {

    private final TicketDirectory directory;
    private final String escalationTeam;

    /**
     * @param escalationTeam routing-service's {@code routing.escalation.team}: every supervisor belongs to
     *     it (routing shows them its queue), whatever their groups say
     */
    @Inject
    public LiveEventRouter(TicketDirectory directory,
            @ConfigProperty(name = "switchboard.gateway.escalation-team", defaultValue = "supervisors") String escalationTeam) {
        this.directory = directory;
        this.escalationTeam = escalationTeam;
    }

    public List<Delivery> route(SwitchboardEvent event) {
        List<Delivery> out = new ArrayList<>();
        // Java 17: no pattern matching for switch yet, hence the instanceof chain.
        if (event instanceof AssignmentDecided e) {
            assignment(out, e);
        } else if (event instanceof AssignmentReleased e) {
            String team = team(e.ticketId());
            directory.release(e.ticketId(), e.agentId());
            LiveMessage message = message("release", e, e.ticketId(), e);
            out.add(new Delivery(new Recipient.Agent(e.agentId()), message));
            out.add(new Delivery(supervisorsOf(team), message));
        } else if (event instanceof TicketQueued e) {
            directory.team(e.ticketId(), e.team());
            out.add(new Delivery(supervisorsOf(e.team()), message("queued", e, e.ticketId(), e)));
        } else if (event instanceof TicketOpened e) {
            directory.team(e.ticketId(), e.teamHint());
            QueueChange change = new QueueChange(e.channel().name(), e.priority().name(),
                    e.sentiment() == null ? null : e.sentiment().label().name(), e.teamHint());
            out.add(new Delivery(supervisorsOf(e.teamHint()), message("ticket-opened", e, e.ticketId(), change)));
        } else if (event instanceof MessageAdded e) {
            toHolder(out, e.ticketId(), message("message", e, e.ticketId(), e));
        } else if (event instanceof MessageDeliveryChanged e) {
            toHolder(out, e.ticketId(), message("delivery", e, e.ticketId(), e));
        } else if (event instanceof SlaWarning e) {
            sla(out, e.ticketId(), e.agentId(), message("sla-warning", e, e.ticketId(), e));
        } else if (event instanceof SlaBreached e) {
            sla(out, e.ticketId(), e.agentId(), message("sla-breached", e, e.ticketId(), e));
        } else if (event instanceof TicketStatusChanged e) {
            LiveMessage message = message("ticket-changed", e, e.ticketId(), e);
            toHolder(out, e.ticketId(), message);
            out.add(new Delivery(supervisorsOf(team(e.ticketId())), message));
        } else if (event instanceof TicketPriorityChanged e) {
            toHolder(out, e.ticketId(), message("ticket-changed", e, e.ticketId(), e));
        } else if (event instanceof TicketTagsChanged e) {
            toHolder(out, e.ticketId(), message("ticket-changed", e, e.ticketId(), e));
        } else if (event instanceof TicketVisibilityChanged e) {
            toHolder(out, e.ticketId(), message("ticket-changed", e, e.ticketId(), e));
        } else if (event instanceof TicketMerged e) {
            toHolder(out, e.ticketId(), message("ticket-changed", e, e.ticketId(), e));
        } else if (event instanceof CustomerErased e) {
            out.add(new Delivery(new Recipient.Everyone(), message("customer-erased", e, null,
                    Map.of("customerId", e.customerId(), "ticketIds", e.ticketIds()))));
        }
        return out;
    }

    private void assignment(List<Delivery> out, AssignmentDecided e) {
        Optional<Holder> before = directory.holder(e.ticketId());
        directory.assign(e.ticketId(), e.agentId(), e.team());
        LiveMessage message = message("assignment", e, e.ticketId(), e);
        out.add(new Delivery(new Recipient.Agent(e.agentId()), message));
        out.add(new Delivery(supervisorsOf(e.team()), message));
        // A transfer: the previous holder sees the ticket leave (in case no release told them already).
        before.map(Holder::agentId).filter(previous -> !previous.equals(e.agentId()))
                .ifPresent(previous -> out.add(new Delivery(new Recipient.Agent(previous),
                        message("release", e, e.ticketId(), Map.of("agentId", previous, "reason", "TRANSFERRED")))));
    }

    private void toHolder(List<Delivery> out, UUID ticketId, LiveMessage message) {
        directory.holder(ticketId).map(Holder::agentId)
                .ifPresent(agent -> out.add(new Delivery(new Recipient.Agent(agent), message)));
    }

    private void sla(List<Delivery> out, UUID ticketId, String agentId, LiveMessage message) {
        String agent = agentId != null ? agentId : directory.holder(ticketId).map(Holder::agentId).orElse(null);
        if (agent != null) {
            out.add(new Delivery(new Recipient.Agent(agent), message));
        }
        out.add(new Delivery(supervisorsOf(team(ticketId)), message));
    }

    private String team(UUID ticketId) {
        return directory.holder(ticketId).map(Holder::team).orElse(null);
    }

    private static LiveMessage message(String type, SwitchboardEvent event, UUID ticketId, Object data) {
        return new LiveMessage(type, event.eventId(), event.occurredAt(), ticketId, data);
    }

    /** The team's supervisors; for the escalation team, every supervisor. */
    private Recipient supervisorsOf(String team) {
        return new Recipient.SupervisorsOf(escalationTeam.equals(team) ? null : team);
    }
}
