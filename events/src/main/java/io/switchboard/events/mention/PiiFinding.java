package io.switchboard.events.mention;

import io.switchboard.events.Require;

/**
 * Personal data found in a text. Offsets are Java/JavaScript string indices (UTF-16 code units),
 * {@code end} exclusive, so the agent app can highlight the span as is. The value itself is not
 * repeated here.
 */
public record PiiFinding(Type type, int start, int end) {

    public enum Type {
        EMAIL,
        PHONE,
        PAYMENT_CARD,
        IBAN,
        POSTAL_ADDRESS,
        PERSON_NAME,
        NATIONAL_ID,
        ORDER_NUMBER,
        OTHER
    }

    public PiiFinding {
        Require.present(type, "pii.type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("pii span must satisfy 0 <= start < end, was " + start + ".." + end);
        }
    }
}
