package io.switchboard.mention.infra;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.ws.rs.core.Response;

/**
 * The checks every public body goes through, in this order: size, then (in the caller) the
 * signature, then strict UTF-8, then JSON. Nothing is parsed before it is known to be small and
 * (where signed) authentic.
 */
public final class RequestBodies {

    /** The largest body a public ingestion endpoint accepts. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RequestBodies() {
    }

    public static byte[] limited(byte[] body) {
        if (body == null || body.length == 0) {
            throw BadInput.badRequest("The request body is empty");
        }
        if (body.length > MAX_BYTES) {
            throw new BadInput(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + MAX_BYTES + " bytes");
        }
        return body;
    }

    /** The body as text, refusing anything that is not well-formed UTF-8 (no silent U+FFFD). */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw BadInput.badRequest("The request body is not valid UTF-8");
        }
    }

    public static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw BadInput.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw BadInput.badRequest("The request body is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** A text field: absent or null is null; any other type is refused by name. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadInput.badRequest("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    public static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw BadInput.badRequest("'" + field + "' is required");
        }
        return value;
    }
}
