package io.switchboard.ticket.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;

/**
 * A position in the newest-first order of tickets: the (created, id) of the last ticket of a
 * page. The next page starts strictly after it, so tickets opened meanwhile (which are newer)
 * never shift a page or repeat an item.
 */
public record Cursor(Instant createdAt, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "~" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws BadRequestException for anything this service did not hand out */
    public static Cursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int tilde = plain.indexOf('~');
            long micros = Long.parseLong(plain.substring(0, tilde));
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(plain.substring(tilde + 1)));
        } catch (RuntimeException e) {
            throw new BadRequestException("'cursor' is not a cursor this service handed out; start again without it.");
        }
    }
}
