package io.switchboard.gateway.presence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentPresenceRepository implements PanacheRepositoryBase<AgentPresence, String> {
}
