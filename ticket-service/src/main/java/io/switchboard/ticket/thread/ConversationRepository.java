package io.switchboard.ticket.thread;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {

    public Uni<List<Conversation>> findByKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("conversationKey in ?1", keys);
    }
}
