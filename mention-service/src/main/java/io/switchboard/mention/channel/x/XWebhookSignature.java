package io.switchboard.mention.channel.x;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X's webhook security: the CRC answer is {@code sha256=} + base64(HMAC-SHA256(consumer secret,
 * crc_token)), and every event POST carries {@code x-twitter-webhooks-signature} computed the same
 * way over the raw body.
 */
public final class XWebhookSignature {

    public static final String HEADER = "x-twitter-webhooks-signature";

    private XWebhookSignature() {
    }

    public static String crcResponse(String consumerSecret, String crcToken) {
        return sign(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String consumerSecret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static boolean valid(String consumerSecret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(consumerSecret, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
