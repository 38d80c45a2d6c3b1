package io.switchboard.mention.channel.askus;

import java.time.Duration;
import java.util.Optional;

import io.switchboard.events.Channel;
import io.switchboard.events.ticket.ReplyRequested;
import io.switchboard.mention.channel.PlatformCallException;
import io.switchboard.mention.delivery.ReplyConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers to "ask us" questions: recorded for the customer's follow-up page (the conversation id
 * is the question's reference). Recording is idempotent per reply id.
 */
@ApplicationScoped
public class AskUsReplyConnector implements ReplyConnector {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    AskUsService service;

    @Inject
    Pool pool;

    @Override
    public Channel channel() {
        return Channel.ASK_US;
    }

    @Override
    public Posted post(ReplyRequested reply) {
        boolean known = pool.withTransaction(tx -> service.answer(tx, reply.conversationId(), reply.replyId(),
                reply.text())).await().atMost(TIMEOUT);
        if (!known) {
            throw new PlatformCallException(PlatformCallException.Kind.NOT_FOUND, 404, "no question with that reference");
        }
        return new Posted("ask:" + reply.replyId(), null);
    }

    @Override
    public Optional<Posted> findPosted(ReplyRequested reply) {
        boolean found = pool.preparedQuery("select 1 from ask_answer where reply_id = $1").execute(Tuple.of(reply.replyId()))
                .map(rows -> rows.iterator().hasNext()).await().atMost(TIMEOUT);
        return found ? Optional.of(new Posted("ask:" + reply.replyId(), null)) : Optional.empty();
    }
}
