package io.switchboard.events;

import java.util.Objects;

/** A registered event type: its record class, CloudEvents name and version, and its topic. */
public record EventDescriptor(Class<? extends SwitchboardEvent> javaType, String name, int version, String topic) {

    public EventDescriptor {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
    }

    /** The {@code ce_type} header value, e.g. {@code switchboard.ticket.opened.v1}. */
    public String ceType() {
        return name + ".v" + version;
    }
}
