package io.switchboard.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/**
 * A service behind the gateway refused or failed a call. What the user can act on (not found, not
 * allowed, a conflict, a validation message such as "public reply contains personal data") reaches
 * the app with the same status and the service's own explanation; a failure of the service itself
 * becomes 502 without its internals.
 */
public final class DownstreamException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 500;

    private final String service;
    private final int status;
    private final String detail;

    public DownstreamException(String service, int status, String detail) {
        super(service + " answered " + status);
        this.service = service;
        this.status = status;
        this.detail = detail;
    }

    public static DownstreamException from(String service, Response response) {
        int status = response.getStatus();
        String detail = null;
        try {
            if (response.hasEntity()) {
                JsonNode body = JSON.readTree(response.readEntity(String.class));
                if (body != null && body.hasNonNull("detail")) {
                    detail = body.get("detail").asText();
                }
            }
        } catch (Exception e) {
            // Not problem details: the status alone says enough.
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
        return new DownstreamException(service, status, detail);
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
            default -> 502;
        };
    }

    /** What the user reads: the service's explanation when it is about their request. */
    public String detailForCaller() {
        if (statusForCaller() == 502) {
            return service + " could not complete the request (HTTP " + status + ").";
        }
        return detail != null ? detail : service + " refused the request (HTTP " + status + ").";
    }
}
