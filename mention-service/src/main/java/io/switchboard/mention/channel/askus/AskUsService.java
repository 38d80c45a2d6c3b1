package io.switchboard.mention.channel.askus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.switchboard.events.Visibility;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Contact;
import io.switchboard.mention.ingest.MentionIngestor;
import io.switchboard.mention.mention.Mention;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Questions from the "ask us" form: each becomes a private mention on the ASK_US channel (its
 * reference is the external id and the conversation), and gets a secret follow-up link on which
 * the customer sees its status and the answers.
 */
@ApplicationScoped
public class AskUsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    public enum Status {
        RECEIVED,
        ANSWERED
    }

    /** A new question: its reference and the secret token of its follow-up link. */
    public record Created(String reference, String token) {
    }

    public record Answer(String text, Instant answeredAt) {
    }

    public record FollowUp(String reference, Status status, Instant submittedAt, List<Answer> answers) {
    }

    @Inject
    MentionIngestor ingestor;

    @Inject
    Pool pool;

    public Uni<Created> ask(AskUsForm form) {
        String reference = newReference();
        String token = newToken();
        Mention mention = Mention.on(Channel.ASK_US)
                .externalId(reference)
                .conversationId(reference)
                .author(new Author(form.email(), null, form.name(), null, false))
                .text(form.message())
                .postedAt(Instant.now())
                .visibility(Visibility.PRIVATE)
                .source("ask-us")
                .contact(new Contact(form.email()))
                .build();
        // The question and its follow-up link commit together with the mention, or not at all.
        return ingestor.ingest(mention, tx -> tx.preparedQuery("insert into ask_request (reference, token_hash,"
                                + " email, status) values ($1, $2, $3, $4)")
                        .execute(Tuple.of(reference, hash(token), form.email(), Status.RECEIVED.name()))
                        .replaceWithVoid())
                .map(outcome -> new Created(reference, token));
    }

    public Uni<Optional<FollowUp>> followUp(String token) {
        if (token == null || token.length() != 43) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("select r.reference, r.status, r.created_at, a.text, a.answered_at"
                        + " from ask_request r left join ask_answer a on a.reference = r.reference"
                        + " where r.token_hash = $1 order by a.answered_at")
                .execute(Tuple.of(hash(token)))
                .map(rows -> {
                    FollowUp followUp = null;
                    List<Answer> answers = new ArrayList<>();
                    for (Row row : rows) {
                        if (followUp == null) {
                            followUp = new FollowUp(row.getString("reference"), Status.valueOf(row.getString("status")),
                                    row.getOffsetDateTime("created_at").toInstant(), answers);
                        }
                        OffsetDateTime answeredAt = row.getOffsetDateTime("answered_at");
                        if (answeredAt != null) {
                            answers.add(new Answer(row.getString("text"), answeredAt.toInstant()));
                        }
                    }
                    return Optional.ofNullable(followUp).map(f -> new FollowUp(f.reference(), f.status(),
                            f.submittedAt(), List.copyOf(answers)));
                });
    }

    /**
     * Records an agent's answer for the follow-up page, once per reply (a redelivered reply changes
     * nothing). Runs in the caller's transaction. False if the reference is unknown.
     */
    public Uni<Boolean> answer(SqlConnection tx, String reference, UUID replyId, String text) {
        return tx.preparedQuery("insert into ask_answer (reply_id, reference, text)"
                        + " select $1, reference, $3 from ask_request where reference = $2 on conflict do nothing")
                .execute(Tuple.of(replyId, reference, text))
                .flatMap(inserted -> tx.preparedQuery("update ask_request set status = $2, updated_at = now()"
                                + " where reference = $1")
                        .execute(Tuple.of(reference, Status.ANSWERED.name()))
                        .map(updated -> updated.rowCount() == 1));
    }

    static String newReference() {
        StringBuilder ref = new StringBuilder("ASK-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                ref.append('-');
            }
            ref.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return ref.toString();
    }

    /** 256 random bits, URL-safe: the follow-up link's only secret. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
