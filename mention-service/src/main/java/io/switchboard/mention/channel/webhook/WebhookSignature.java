package io.switchboard.mention.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.mention.infra.BadInput;
import jakarta.ws.rs.core.Response;

/**
 * The generic webhook's signature: {@code X-Switchboard-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the source's secret of {@code <timestamp>.<raw body>}, where the timestamp is the
 * {@code X-Switchboard-Timestamp} header in Unix seconds. Signing the timestamp with the body means
 * an old request cannot be made fresh by changing the header.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Switchboard-Signature";
    public static final String TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header value for a body, as a sender computes it. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * @return the verified signature (its hex), the key under which a replay is recognised
     * @throws BadInput 401 when anything is missing, stale or does not match
     */
    public static String verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            throw unauthorized("The request must carry " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(TIMESTAMP_HEADER + " must be Unix seconds");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw unauthorized("The request is older than " + tolerance.toMinutes() + " minutes (or from the future)");
        }
        String value = signatureHeader.trim();
        if (!value.startsWith(PREFIX)) {
            throw unauthorized(SIGNATURE_HEADER + " must be sha256=<hex>");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw unauthorized(SIGNATURE_HEADER + " must be sha256=<hex>");
        }
        // Constant time, so the comparison tells an attacker nothing about how close they came.
        if (!MessageDigest.isEqual(given, mac(secret, timestamp, body))) {
            throw unauthorized("The signature does not match the body");
        }
        return HexFormat.of().formatHex(given);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static BadInput unauthorized(String detail) {
        return new BadInput(Response.Status.UNAUTHORIZED, detail);
    }
}
