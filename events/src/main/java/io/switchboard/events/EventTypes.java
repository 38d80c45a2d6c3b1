package io.switchboard.events;

import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.events.customer.CustomerIdentityLinked;
import io.switchboard.events.customer.CustomersMerged;
import io.switchboard.events.delivery.ReplyDelivered;
import io.switchboard.events.delivery.ReplyFailed;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.routing.TicketQueued;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.events.ticket.SlaBreached;
import io.switchboard.events.ticket.SlaWarning;
import io.switchboard.events.ticket.TicketMerged;
import io.switchboard.events.ticket.TicketOpened;
import io.switchboard.events.ticket.TicketPriorityChanged;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.events.ticket.TicketTagsChanged;
import io.switchboard.events.ticket.TicketVisibilityChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry of every event, by the topic it is published on. Decoding by {@code ce_type} looks
 * records up here, so an event that is not listed cannot be sent or received. The name and
 * version come from each record's {@link EventType}.
 */
public final class EventTypes {

    private static final Pattern NAME = Pattern.compile("switchboard(\\.[a-z][a-z0-9]*)+");

    private static final Map<String, List<Class<? extends SwitchboardEvent>>> BY_TOPIC = new LinkedHashMap<>();

    static {
        BY_TOPIC.put(Topics.MENTIONS, List.of(MentionReceived.class));
        BY_TOPIC.put(Topics.TICKET_EVENTS, List.of(
                TicketOpened.class,
                MessageAdded.class,
                MessageDeliveryChanged.class,
                TicketStatusChanged.class,
                TicketPriorityChanged.class,
                TicketTagsChanged.class,
                TicketVisibilityChanged.class,
                TicketMerged.class,
                ReplyRequested.class,
                SlaWarning.class,
                SlaBreached.class,
                CustomerIdentityLinked.class,
                CustomersMerged.class,
                CustomerErased.class));
        BY_TOPIC.put(Topics.ROUTING_DECISIONS, List.of(
                AssignmentDecided.class,
                AssignmentReleased.class,
                TicketQueued.class));
        BY_TOPIC.put(Topics.AGENT_EVENTS, List.of(AgentPresenceChanged.class));
        BY_TOPIC.put(Topics.DELIVERY_EVENTS, List.of(ReplyDelivered.class, ReplyFailed.class));
    }

    private static final List<EventDescriptor> ALL;
    private static final Map<Class<?>, EventDescriptor> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, EventDescriptor> BY_CE_TYPE = new LinkedHashMap<>();

    static {
        List<EventDescriptor> all = new ArrayList<>();
        BY_TOPIC.forEach((topic, types) -> types.forEach(type -> all.add(describe(type, topic))));
        for (EventDescriptor d : all) {
            if (BY_CE_TYPE.putIfAbsent(d.ceType(), d) != null) {
                throw new IllegalStateException("Two events registered as " + d.ceType());
            }
            if (BY_CLASS.putIfAbsent(d.javaType(), d) != null) {
                throw new IllegalStateException(d.javaType().getName() + " registered twice");
            }
        }
        ALL = List.copyOf(all);
    }

    private EventTypes() {
    }

    /** Every registered event, grouped by topic in the order of {@link Topics#ALL}. */
    public static List<EventDescriptor> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException if the class is not a registered event */
    public static EventDescriptor of(Class<?> type) {
        EventDescriptor d = BY_CLASS.get(type);
        if (d == null) {
            throw new IllegalArgumentException(type.getName() + " is not a registered event; add it to EventTypes");
        }
        return d;
    }

    public static Optional<EventDescriptor> byCeType(String ceType) {
        return Optional.ofNullable(ceType == null ? null : BY_CE_TYPE.get(ceType));
    }

    /** The events a consumer of {@code topic} may receive. */
    public static List<EventDescriptor> onTopic(String topic) {
        return ALL.stream().filter(d -> d.topic().equals(topic)).toList();
    }

    private static EventDescriptor describe(Class<? extends SwitchboardEvent> type, String topic) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (!type.isRecord() || annotation == null) {
            throw new IllegalStateException(type.getName() + " must be a record annotated with @EventType");
        }
        if (!NAME.matcher(annotation.value()).matches() || annotation.version() < 1) {
            throw new IllegalStateException(type.getName() + ": bad @EventType " + annotation);
        }
        return new EventDescriptor(type, annotation.value(), annotation.version(), topic);
    }
}
