package io.switchboard.gateway.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses a WebSocket upgrade coming from another site's page. A browser sends the session cookie
 * with any upgrade request, and a WebSocket has no CORS: without this check, a page elsewhere
 * could open the live connection as the signed-in agent (cross-site WebSocket hijacking). Browsers
 * always send {@code Origin} on an upgrade; clients that send none (scripts with a bearer token)
 * hold no ambient credential.
 */
@ApplicationScoped
public class SameOriginUpgrade implements HttpUpgradeCheck {

    /** Origins allowed besides the gateway's own (e.g. behind a proxy that rewrites Host). */
    @Inject
    @ConfigProperty(name = "switchboard.gateway.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin == null || allowed(origin, context.httpRequest().getHeader("Host"))) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }

    boolean allowed(String origin, String host) {
        if (allowedOrigins.orElse(List.of()).contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String authority = uri.getHost() + ":" + port;
            String hostWithPort = host.contains(":") ? host : host + ":" + port;
            return authority.equalsIgnoreCase(hostWithPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
