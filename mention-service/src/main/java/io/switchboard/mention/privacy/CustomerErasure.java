package io.switchboard.mention.privacy;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.customer.CustomerErased;
import io.switchboard.mention.delivery.ErasedCustomerDeliveries;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Forgets a customer (GDPR art. 17) in this service's own tables, in one transaction: the author
 * id on their dedupe keys is replaced (the keys stay, so their old posts are still recognised and
 * not re-opened as new tickets), their ask-us questions and answers are deleted, and the published
 * copies of their mentions still kept in the outbox are removed, and replies to them not yet
 * delivered are cancelled (ErasedCustomerDeliveries). Finished reply deliveries keep no text or
 * recipient in the first place (DeliveryRepository scrubs them). Idempotent: erasing twice changes
 * nothing more.
 */
@ApplicationScoped
public class CustomerErasure {

    static final String ERASED = "erased";

    @Inject
    Pool pool;

    @Inject
    ErasedCustomerDeliveries deliveries;

    public Uni<Void> erase(CustomerErased event) {
        return pool.withTransaction(tx -> {
            // Deliveries first: their rows are locked before the worker can claim one more of them.
            Uni<Void> chain = deliveries.cancel(tx, event).replaceWithVoid();
            for (CustomerErased.Identity identity : event.identities()) {
                chain = chain.flatMap(ignored -> erase(tx, identity));
            }
            return chain;
        }).invoke(deliveries::committed);
    }

    private Uni<Void> erase(SqlConnection tx, CustomerErased.Identity identity) {
        String channel = identity.channel().name();
        String id = identity.platformId();
        List<Uni<?>> steps = new ArrayList<>();
        // Sent copies in the outbox first, found by the author id in their payload (before it is replaced).
        steps.add(tx.preparedQuery("delete from outbox where sent_at is not null and ce_type = 'switchboard.mention.received.v1'"
                        + " and position(convert_to($1, 'UTF8') in payload) > 0")
                .execute(Tuple.of("\"platformId\":\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")));
        steps.add(tx.preparedQuery("update mention set author_platform_id = $3 where channel = $1 and author_platform_id = $2")
                .execute(Tuple.of(channel, id, ERASED)));
        if (identity.channel() == Channel.ASK_US) {
            steps.add(tx.preparedQuery("delete from ask_answer where reference in"
                    + " (select reference from ask_request where email = lower($1))").execute(Tuple.of(id)));
            steps.add(tx.preparedQuery("delete from ask_request where email = lower($1)").execute(Tuple.of(id)));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<?> step : steps) {
            chain = chain.flatMap(ignored -> step.replaceWithVoid());
        }
        return chain;
    }
}
