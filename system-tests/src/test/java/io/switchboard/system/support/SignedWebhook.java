package io.switchboard.system.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.response.Response;

/**
 * Another system posting to mention-service's generic signed webhook, as its README specifies:
 * {@code X-Switchboard-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>}.
 */
public final class SignedWebhook {

    private final String url;
    private final String secret;

    public SignedWebhook(String mentionServiceUrl, String source, String secret) {
        this.url = mentionServiceUrl + "/api/v1/channels/webhook/" + source;
        this.secret = secret;
    }

    /** Signed now. */
    public Response post(String json) {
        return post(json, Instant.now().getEpochSecond());
    }

    /** Signed with this timestamp (Unix seconds): the same body and timestamp make the same signature. */
    public Response post(String json, long timestamp) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header("X-Switchboard-Timestamp", Long.toString(timestamp))
                .header("X-Switchboard-Signature", signature(timestamp, body)).body(body).post(url);
    }

    private String signature(long timestamp, byte[] body) {
        return signature(secret, timestamp, body);
    }

    /** The header value: {@code sha256=} + hex HMAC-SHA256(secret, "<timestamp>.<raw body>"). */
    public static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
