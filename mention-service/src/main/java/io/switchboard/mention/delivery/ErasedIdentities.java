package io.switchboard.mention.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The durable memory of erased customers' platform identities (the erased_identity table), without
 * keeping them: only an HMAC-SHA256 of channel and platform id under the service's identity key. A
 * reply requested on another customer's ticket but addressed to an erased identity is recognised by
 * hashing its recipient the same way. Registration and erasure take the identity's
 * transaction-scoped advisory lock (after the tickets' locks), so one commits before the other looks.
 */
@ApplicationScoped
public class ErasedIdentities {

    private static final Logger LOG = Logger.getLogger(ErasedIdentities.class);

    /** Namespaces the advisory locks (two-key form) apart from ErasedTickets' and any other feature's. */
    private static final int LOCK_CLASS = 0x45524944; // "ERID"
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec configuredKey;
    private volatile SecretKeySpec storedKey;

    @Inject
    public ErasedIdentities(@ConfigProperty(name = "switchboard.privacy.identity-key") Optional<String> identityKey) {
        String key = identityKey.map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
        if (key != null && key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalStateException("switchboard.privacy.identity-key must be at least " + MIN_KEY_BYTES
                    + " bytes (e.g. openssl rand -base64 48)");
        }
        this.configuredKey = key == null ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
        if (key == null) {
            LOG.warn("switchboard.privacy.identity-key is not set: erased identities are hashed with a key kept in the"
                    + " database. Set SWITCHBOARD_PRIVACY_IDENTITY_KEY (a Secret, never changed) so a copy of the"
                    + " database alone cannot be checked against known platform ids.");
        }
    }

    /** An identity as the channel knows it; an ask-us address in any letter case is one identity. */
    public record Identity(Channel channel, String platformId) {
        String canonical() {
            return channel.name() + ":" + (channel == Channel.ASK_US ? platformId.toLowerCase(Locale.ROOT) : platformId);
        }
    }

    /** Their keyed hashes, in {@code tx} (which may first have to fetch or create the stored key). */
    Uni<List<byte[]>> hashes(SqlConnection tx, List<Identity> identities) {
        HexFormat hex = HexFormat.of();
        return key(tx).map(key -> identities.stream().map(i -> hex.formatHex(hash(key, i))).distinct().sorted()
                .map(hex::parseHex).toList());
    }

    /** Locks the identities in {@code tx} until it ends; in hash order, so two erasures never deadlock. */
    Uni<Void> lock(SqlConnection tx, List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select pg_advisory_xact_lock($1, hashtext(encode(h, 'hex')))"
                        + " from unnest($2::bytea[]) as h order by h")
                .execute(Tuple.of(LOCK_CLASS, buffers(hashes)))
                .replaceWithVoid();
    }

    /** Remembers the identities as erased, in {@code tx} (idempotent). */
    Uni<Void> remember(SqlConnection tx, List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("insert into erased_identity (identity_hash) select unnest($1::bytea[]) on conflict do nothing")
                .execute(Tuple.of((Object) buffers(hashes)))
                .replaceWithVoid();
    }

    /** Whether the identity was erased; call after {@link #lock} in the same transaction. */
    Uni<Boolean> isErased(SqlConnection tx, byte[] hash) {
        return tx.preparedQuery("select 1 from erased_identity where identity_hash = $1")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> rows.iterator().hasNext());
    }

    static byte[] hash(SecretKeySpec key, Identity identity) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(identity.canonical().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private Uni<SecretKeySpec> key(SqlConnection tx) {
        SecretKeySpec key = configuredKey != null ? configuredKey : storedKey;
        if (key != null) {
            return Uni.createFrom().item(key);
        }
        byte[] fresh = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        // The first replica to get here stores its key; every other one reads that one.
        return tx.preparedQuery("insert into identity_key (id, key) values (1, $1) on conflict (id) do nothing")
                .execute(Tuple.of(Buffer.buffer(fresh)))
                .flatMap(inserted -> tx.query("select key from identity_key where id = 1").execute()
                        .map(rows -> {
                            SecretKeySpec stored = new SecretKeySpec(rows.iterator().next().getBuffer("key").getBytes(), HMAC);
                            // Remembered only once it is certainly committed (another transaction's); ours may roll back.
                            if (inserted.rowCount() == 0) {
                                storedKey = stored;
                            }
                            return stored;
                        }));
    }

    private static Buffer[] buffers(List<byte[]> hashes) {
        return hashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    }
}
