package io.switchboard.ticket.thread;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IgnoredMentionRepository implements PanacheRepositoryBase<IgnoredMention, UUID> {

    public Uni<List<UUID>> recordedMentionIds(Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session
                .createSelectionQuery("select i.mentionId from IgnoredMention i where i.mentionId in :ids", UUID.class)
                .setParameter("ids", mentionIds)
                .getResultList());
    }
}
