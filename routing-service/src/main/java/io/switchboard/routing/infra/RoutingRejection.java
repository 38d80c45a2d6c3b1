package io.switchboard.routing.infra;

/**
 * A request routing refuses, with a reason the caller can act on; the REST layer turns it into an
 * RFC 9457 problem (404, 409 or 400). Its message never carries customer data.
 */
public class RoutingRejection extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;

    public RoutingRejection(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public static RoutingRejection notFound(String detail) {
        return new RoutingRejection(Kind.NOT_FOUND, detail);
    }

    public static RoutingRejection conflict(String detail) {
        return new RoutingRejection(Kind.CONFLICT, detail);
    }

    public static RoutingRejection invalid(String detail) {
        return new RoutingRejection(Kind.INVALID, detail);
    }

    public Kind kind() {
        return kind;
    }
}
