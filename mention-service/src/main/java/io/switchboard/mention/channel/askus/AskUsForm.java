package io.switchboard.mention.channel.askus;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.mention.infra.BadInput;
import io.switchboard.mention.infra.RequestBodies;

/**
 * A question as the customer sends it, from JSON ({@code {"email", "name", "message"}}) or from an
 * HTML form with the same field names. Both are decoded strictly: broken UTF-8 or percent-escapes
 * are refused, never patched with replacement characters.
 */
record AskUsForm(String email, String name, String message) {

    static final int MAX_NAME = 200;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    static AskUsForm fromJson(byte[] body) {
        JsonNode json = RequestBodies.json(RequestBodies.utf8(body));
        return of(RequestBodies.text(json, "email"), RequestBodies.text(json, "name"),
                RequestBodies.text(json, "message"));
    }

    static AskUsForm fromForm(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : RequestBodies.utf8(body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.putIfAbsent(key, value) != null) {
                throw BadInput.badRequest("'" + (key.length() > 40 ? key.substring(0, 40) : key) + "' is given twice");
            }
        }
        return of(fields.get("email"), fields.get("name"), fields.get("message"));
    }

    private static AskUsForm of(String email, String name, String message) {
        if (email == null || email.isBlank()) {
            throw BadInput.badRequest("'email' is required: it is where we send the answer");
        }
        String address = email.trim();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw BadInput.badRequest("'email' is not an e-mail address");
        }
        if (message == null || message.isBlank()) {
            throw BadInput.badRequest("'message' is required");
        }
        String displayName = name == null || name.isBlank() ? null : name.trim();
        if (displayName != null && displayName.codePointCount(0, displayName.length()) > MAX_NAME) {
            throw BadInput.badRequest("'name' is longer than " + MAX_NAME + " characters");
        }
        return new AskUsForm(address.toLowerCase(Locale.ROOT), displayName, message);
    }

    /** application/x-www-form-urlencoded, percent-escapes to bytes first, then strict UTF-8. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw BadInput.badRequest("The form has a broken percent-escape");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw BadInput.badRequest("The form has a broken percent-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                    utf8 = encoded.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        return RequestBodies.utf8(bytes.toByteArray());
    }
}
