package io.switchboard.system.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.switchboard.system.faults.DeadLetterTopics.DeadLetter;
import io.switchboard.system.faults.ReplyingAgents.ReplyRequest;
import io.switchboard.system.faults.StoreAudit.Assignment;
import io.switchboard.system.faults.StoreAudit.Capacity;
import io.switchboard.system.faults.StoreAudit.Recorded;
import io.switchboard.system.faults.StoreAudit.StoredMention;
import io.switchboard.system.faults.StoreAudit.StoredReply;

/**
 * The design's invariants as checks over what the stores hold and the generator's record. Each
 * returns its violations in words (empty: it holds).
 */
final class Invariants {

    /** How a reply names itself: {@code (f<run>-r<n>)}. */
    static final Pattern MARKER = Pattern.compile("\\((f[0-9a-z]+-r[0-9]+)\\)");

    private Invariants() {
    }

    /**
     * Every post the generator had answered 2xx was stored once by mention-service and recorded exactly
     * once by ticket-service: as a customer message on exactly one ticket, or counted as not actionable.
     */
    static List<String> everyAcceptedMentionInExactlyOneTicket(List<MentionLoad.Post> accepted, List<StoredMention> stored,
            Recorded recorded, List<DeadLetter> deadLetters) {
        Map<String, List<StoredMention>> byExternalId = StoreAudit.group(stored, StoredMention::externalId);
        Map<String, List<DeadLetter>> deadLettered = StoreAudit.group(deadLetters.stream().filter(d -> d.subject() != null).toList(),
                DeadLetter::subject);
        List<String> violations = new ArrayList<>();
        for (MentionLoad.Post post : accepted) {
            List<StoredMention> mentions = byExternalId.getOrDefault(post.externalId, List.of());
            if (mentions.size() != 1) {
                violations.add(post.channel + " post " + post.externalId + " accepted, stored " + mentions.size() + " times by mention-service");
                continue;
            }
            UUID mention = mentions.get(0).mentionId();
            int onTickets = recorded.ticketsByMention().getOrDefault(mention, List.of()).size();
            int ignored = recorded.ignored().contains(mention) ? 1 : 0;
            if (onTickets + ignored != 1) {
                violations.add(post.channel + " post " + post.externalId + " (mention " + mention + ") is on " + onTickets
                        + " tickets and ignored " + ignored + " times" + deadLettered.getOrDefault(mention.toString(), List.of()).stream()
                        .map(d -> "; dead-lettered to " + d.deadLetterTopic() + ": " + d.reason()).collect(Collectors.joining()));
            }
        }
        return violations;
    }

    /** No post became two customer messages (whatever was redelivered or retried). */
    static List<String> noMessageDuplicated(Recorded recorded) {
        return recorded.customerMessagesByExternalId().entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> "post " + e.getKey() + " is " + e.getValue() + " customer messages").toList();
    }

    /** A ticket's assignments never overlap in time: the next starts only once the last was released. */
    static List<String> oneAssigneeAtATime(List<Assignment> assignments) {
        List<String> violations = new ArrayList<>();
        StoreAudit.group(assignments, Assignment::ticketId).forEach((ticket, list) -> {
            List<Assignment> ordered = list.stream().sorted(Comparator.comparing(Assignment::assignedAt)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                Assignment before = ordered.get(i - 1);
                Assignment next = ordered.get(i);
                if (before.releasedAt() == null || before.releasedAt().isAfter(next.assignedAt())) {
                    violations.add("ticket " + ticket + " held by " + before.agentId() + " and " + next.agentId() + " at " + next.assignedAt());
                }
            }
        });
        return violations;
    }

    /** At the moment of every assignment, its agent held no more tickets than their capacity at that moment. */
    static List<String> capacityNeverExceeded(List<Assignment> assignments, Map<String, List<Capacity>> capacities) {
        List<String> violations = new ArrayList<>();
        StoreAudit.group(assignments, Assignment::agentId).forEach((agent, list) -> {
            for (Assignment a : list) {
                Instant t = a.assignedAt();
                long held = list.stream().filter(other -> other.activeAt(t)).count();
                int capacity = capacityAt(capacities.getOrDefault(agent, List.of()), t);
                if (held > capacity) {
                    violations.add("agent " + agent + " held " + held + " tickets at " + t + " with capacity " + capacity);
                }
            }
        });
        return violations;
    }

    private static int capacityAt(List<Capacity> history, Instant t) {
        int capacity = Integer.MAX_VALUE;
        for (Capacity c : history) {
            if (!c.from().isAfter(t)) {
                capacity = c.capacity();
            }
        }
        return capacity;
    }

    /** After the dust settles, ticket-service shows as assignee exactly the agent routing-service holds it for. */
    static List<String> assigneesAgree(Map<UUID, String> ticketServiceAssignees, List<Assignment> assignments) {
        Map<UUID, String> holding = assignments.stream().filter(a -> a.releasedAt() == null)
                .collect(Collectors.toMap(Assignment::ticketId, Assignment::agentId));
        return ticketServiceAssignees.entrySet().stream()
                .filter(e -> !Objects.equals(e.getValue(), holding.get(e.getKey())))
                .map(e -> "ticket " + e.getKey() + ": ticket-service says " + e.getValue() + ", routing-service holds it for "
                        + holding.get(e.getKey()))
                .toList();
    }

    /**
     * Every reply the gateway accepted was recorded once and posted to the fake X exactly once, and
     * shows as delivered; one whose request got no answer was posted at most once, and only if it was
     * recorded; one refused was neither recorded nor posted. No post carries a marker nobody asked for.
     */
    static List<String> everyReplyPostedOnce(List<ReplyRequest> requests, List<StoredReply> stored, List<String> postedTexts) {
        Map<String, List<StoredReply>> storedByMarker = StoreAudit.group(stored, StoredReply::marker);
        List<String> violations = new ArrayList<>();
        Set<String> asked = requests.stream().map(ReplyRequest::marker).collect(Collectors.toSet());
        for (ReplyRequest request : requests) {
            long posts = postedTexts.stream().filter(text -> text.contains("(" + request.marker() + ")")).count();
            List<StoredReply> kept = storedByMarker.getOrDefault(request.marker(), List.of());
            boolean delivered = kept.size() == 1 && "DELIVERED".equals(kept.get(0).deliveryState());
            if (request.accepted() && (kept.size() != 1 || posts != 1 || !delivered)) {
                violations.add("reply " + request.marker() + " accepted: recorded " + kept.size() + "x, posted " + posts + "x, state "
                        + kept.stream().map(StoredReply::deliveryState).toList());
            } else if (request.unanswered() && (kept.size() > 1 || posts != kept.size() || (kept.size() == 1 && !delivered))) {
                violations.add("reply " + request.marker() + " unanswered: recorded " + kept.size() + "x, posted " + posts + "x");
            } else if (!request.accepted() && !request.unanswered() && (!kept.isEmpty() || posts > 0)) {
                violations.add("reply " + request.marker() + " refused (" + request.status() + ") yet recorded " + kept.size()
                        + "x, posted " + posts + "x");
            }
        }
        stored.stream().filter(s -> !asked.contains(s.marker()))
                .forEach(s -> violations.add("reply " + s.marker() + " recorded but never asked for"));
        postedTexts.stream().map(Invariants::marker).filter(m -> m != null && !asked.contains(m))
                .forEach(m -> violations.add("the fake X received reply " + m + " that nobody asked for"));
        return violations;
    }

    private static String marker(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
