package io.switchboard.gateway.downstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;
import jakarta.ws.rs.core.Response;

/**
 * A service behind the gateway refused or failed a call. What the user can act on (not found, not
 * allowed, a conflict, a reply the channel would not take) reaches the app with the same status, the
 * service's own explanation and its problem type ({@code urn:switchboard:problem:stale-version},
 * {@code ...:personal-data-in-public-reply}, ...), and for a refused reply where the personal data is
 * and the visibility that would be accepted. A service unavailable for a moment stays 503, with its
 * Retry-After. A failure of the service itself becomes 502 without its internals.
 */
public final class DownstreamException extends RuntimeException {

    /** The problem types Switchboard's services define; any other type is not passed on. */
    public static final String SWITCHBOARD_PROBLEM = "urn:switchboard:problem:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 500;

    private final String service;
    private final int status;
    private final String detail;
    private final URI type;
    private final transient List<PiiFinding> personalData;
    private final Visibility suggestedVisibility;
    private final String retryAfter;

    public DownstreamException(String service, int status, String detail) {
        this(service, status, detail, null, List.of(), null);
    }

    public DownstreamException(String service, int status, String detail, URI type, List<PiiFinding> personalData,
            Visibility suggestedVisibility) {
        this(service, status, detail, type, personalData, suggestedVisibility, null);
    }

    private DownstreamException(String service, int status, String detail, URI type, List<PiiFinding> personalData,
            Visibility suggestedVisibility, String retryAfter) {
        super(service + " answered " + status);
        // Seconds only: the value is sent on to the browser as a header.
        this.retryAfter = retryAfter != null && retryAfter.matches("\\d{1,5}") ? retryAfter : null;
        this.service = service;
        this.status = status;
        this.detail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        this.type = type;
        this.personalData = List.copyOf(personalData);
        this.suggestedVisibility = suggestedVisibility;
    }

    public static DownstreamException from(String service, Response response) {
        int status = response.getStatus();
        String retryAfter = status == 503 ? response.getHeaderString("Retry-After") : null;
        JsonNode body = null;
        try {
            if (response.hasEntity()) {
                body = JSON.readTree(response.readEntity(String.class));
            }
        } catch (Exception e) {
            // Not problem details: the status alone says enough.
        }
        if (body == null || !body.isObject()) {
            return new DownstreamException(service, status, null, null, List.of(), null, retryAfter);
        }
        String type = body.path("type").asText("");
        return new DownstreamException(service, status, body.hasNonNull("detail") ? body.get("detail").asText() : null,
                type.startsWith(SWITCHBOARD_PROBLEM) ? URI.create(type) : null, personalData(body.path("personalData")),
                visibility(body.path("suggestedVisibility").asText(null)), retryAfter);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The status the gateway answers with: the service's when the user can act on it, else 502. */
    public int statusForCaller() {
        return switch (status) {
            case 400, 401, 403, 404, 409, 412, 413, 422, 429 -> status;
            // Unavailable for a moment (its database restarting, say): the app can retry, so say so.
            case 503 -> status;
            default -> 502;
        };
    }

    /** The service's Retry-After in seconds when it was unavailable for a moment; empty otherwise. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** What the user reads: the service's explanation when it is about their request. */
    public String detailForCaller() {
        if (statusForCaller() == 502) {
            return service + " could not complete the request (HTTP " + status + ").";
        }
        if (status == 503) {
            return service + " is unavailable for a moment; try again shortly.";
        }
        return detail != null ? detail : service + " refused the request (HTTP " + status + ").";
    }

    /** The service's problem type when the user can act on it; null for "about:blank". */
    public URI typeForCaller() {
        return statusForCaller() == 502 ? null : type;
    }

    /** Where the personal data is in a refused public reply; empty otherwise. */
    public List<PiiFinding> personalData() {
        return personalData;
    }

    /** The visibility that would be accepted for a refused reply (PRIVATE: answer privately); null if none. */
    public Visibility suggestedVisibility() {
        return suggestedVisibility;
    }

    private static List<PiiFinding> personalData(JsonNode spans) {
        List<PiiFinding> found = new ArrayList<>();
        for (JsonNode span : spans) {
            try {
                found.add(new PiiFinding(PiiFinding.Type.valueOf(span.path("type").asText()), span.path("start").asInt(),
                        span.path("end").asInt()));
            } catch (IllegalArgumentException e) {
                // A span the gateway cannot read is left out; the detail still says what was found.
            }
        }
        return found;
    }

    private static Visibility visibility(String name) {
        try {
            return name == null ? null : Visibility.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
