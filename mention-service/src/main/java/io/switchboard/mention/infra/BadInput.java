package io.switchboard.mention.infra;

import jakarta.ws.rs.core.Response;

/**
 * Input a public endpoint refuses: becomes an RFC 9457 problem with this status and detail. The
 * detail names the rule that was broken and never echoes the input (it may be hostile or personal).
 */
public class BadInput extends RuntimeException {

    private final Response.Status status;

    public BadInput(Response.Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static BadInput badRequest(String detail) {
        return new BadInput(Response.Status.BAD_REQUEST, detail);
    }

    public Response.Status status() {
        return status;
    }
}
