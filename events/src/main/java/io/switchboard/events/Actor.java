package io.switchboard.events;

import java.util.UUID;

/**
 * Who caused a change, for the audit trail and the agent's timeline. {@code id} is an agent's OIDC
 * subject, a customer id, or for the system the component that acted (e.g. {@code sla-timer}).
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        AGENT,
        CUSTOMER,
        SYSTEM
    }

    public Actor {
        Require.present(kind, "actor.kind");
        Require.text(id, "actor.id");
    }

    public static Actor agent(String subject) {
        return new Actor(Kind.AGENT, subject);
    }

    public static Actor customer(UUID customerId) {
        return new Actor(Kind.CUSTOMER, Require.present(customerId, "actor.id").toString());
    }

    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, component);
    }
}
