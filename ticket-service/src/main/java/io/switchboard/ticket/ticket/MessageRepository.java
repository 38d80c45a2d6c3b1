package io.switchboard.ticket.ticket;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<TicketMessage, UUID> {

    /** Which of these mentions already are messages (a redelivery, or a race with another replica). */
    public Uni<List<UUID>> recordedMentionIds(Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session
                .createSelectionQuery("select m.mentionId from TicketMessage m where m.mentionId in :ids", UUID.class)
                .setParameter("ids", mentionIds)
                .getResultList());
    }

    /** A ticket's conversation in the order it happened. */
    public Uni<List<TicketMessage>> conversationOf(UUID ticketId) {
        return list("ticketId = ?1 order by seq", ticketId);
    }

    public Uni<TicketMessage> findByReply(UUID replyId) {
        return find("replyId", replyId).firstResult();
    }
}
