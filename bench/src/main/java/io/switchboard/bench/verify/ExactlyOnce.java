package io.switchboard.bench.verify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The invariant "every accepted mention is in exactly one ticket", judged from the load
 * generator's own record (what the webhook accepted), triage's verdicts (a mention triage found not
 * actionable is recorded but opens no ticket) and ticket-service's answer: the run's tickets it
 * lists, and which mentions' messages are in each ticket it was asked about. Every bench mention
 * is the first post of its own customer, so it must open a ticket of its own: when only a sample of
 * the tickets is read, the listed count stands in for the unread ones.
 *
 * @param accepted mentions the webhook accepted (202)
 * @param actionable of those, triage found actionable: each must be in exactly one ticket
 * @param notActionable of those, triage found not actionable: each must be in no ticket
 * @param unknownVerdict accepted, but never seen published on {@code mentions}
 * @param inExactlyOne actionable and found in exactly one ticket, once
 * @param lost actionable and in no ticket (read all tickets), or actionable mentions beyond the tickets listed (sample)
 * @param inSeveralTickets in more than one ticket
 * @param repeatedInTicket in one ticket more than once
 * @param notActionableTicketed not actionable and yet in a ticket
 * @param ticketedNotAccepted in a ticket although the driver never saw it accepted (an answer lost on the way back)
 * @param ticketsListed the run's tickets ticket-service lists
 * @param ticketsRead of those, the tickets read whole
 * @param notYetConsumed records on {@code mentions} ticket-service had not consumed when it was asked
 *     (then a mention in no ticket may be on its way rather than lost)
 * @param seconds how long waiting for the consumers and asking ticket-service took
 */
public record ExactlyOnce(long accepted, long actionable, long notActionable, long unknownVerdict, long inExactlyOne,
        long lost, long inSeveralTickets, long repeatedInTicket, long notActionableTicketed, long ticketedNotAccepted,
        long ticketsListed, long ticketsRead, long notYetConsumed, double seconds) {

    public boolean complete() {
        return ticketsRead == ticketsListed;
    }

    public boolean holds() {
        boolean found = complete() ? inExactlyOne == actionable : ticketsListed == actionable;
        return found && lost == 0 && inSeveralTickets == 0 && repeatedInTicket == 0 && notActionableTicketed == 0
                && unknownVerdict == 0;
    }

    /** HOLDS, BROKEN, or UNDECIDED when mentions are missing while ticket-service still had some to consume. */
    @JsonProperty("verdict")
    public String verdict() {
        if (holds()) {
            return "HOLDS";
        }
        boolean onlyMissing = inSeveralTickets == 0 && repeatedInTicket == 0 && notActionableTicketed == 0;
        return onlyMissing && notYetConsumed > 0 ? "UNDECIDED" : "BROKEN";
    }

    /**
     * @param ticketsOf each mention's external id → the ticket of every message ticket-service holds for it
     *     (a ticket twice when the mention is in it twice), from the tickets read
     */
    public static ExactlyOnce judge(Set<String> accepted, Map<String, Boolean> verdicts, Map<String, List<UUID>> ticketsOf,
            long ticketsListed, long ticketsRead, long notYetConsumed, double seconds) {
        boolean complete = ticketsRead == ticketsListed;
        long actionable = 0;
        long notActionable = 0;
        long unknown = 0;
        long exactlyOne = 0;
        long missing = 0;
        long several = 0;
        long repeated = 0;
        long notActionableTicketed = 0;
        for (String mention : accepted) {
            Boolean verdict = verdicts.get(mention);
            List<UUID> tickets = ticketsOf.getOrDefault(mention, List.of());
            long distinct = tickets.stream().distinct().count();
            if (distinct > 1) {
                several++;
            } else if (tickets.size() > 1) {
                repeated++;
            }
            if (verdict == null) {
                unknown++;
            } else if (verdict) {
                actionable++;
                if (tickets.isEmpty()) {
                    missing++;
                } else if (tickets.size() == 1) {
                    exactlyOne++;
                }
            } else {
                notActionable++;
                if (!tickets.isEmpty()) {
                    notActionableTicketed++;
                }
            }
        }
        long lost = complete ? missing : Math.max(0, actionable - ticketsListed);
        long notAccepted = ticketsOf.keySet().stream().filter(m -> !accepted.contains(m)).count();
        return new ExactlyOnce(accepted.size(), actionable, notActionable, unknown, exactlyOne, lost, several, repeated,
                notActionableTicketed, notAccepted, ticketsListed, ticketsRead, notYetConsumed, seconds);
    }
}
