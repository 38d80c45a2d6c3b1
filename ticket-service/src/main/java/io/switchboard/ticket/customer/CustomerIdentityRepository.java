package io.switchboard.ticket.customer;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerIdentityRepository implements PanacheRepositoryBase<CustomerIdentity, UUID> {

    /** Identities with any of these platform ids, on any channel: the caller matches the channel. */
    public Uni<List<CustomerIdentity>> byPlatformIds(Collection<String> platformIds) {
        if (platformIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("platformId in ?1", platformIds);
    }

    public Uni<CustomerIdentity> find(Channel channel, String platformId) {
        return find("channel = ?1 and platformId = ?2", channel, platformId).firstResult();
    }

    public Uni<List<CustomerIdentity>> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt", customerId);
    }
}
