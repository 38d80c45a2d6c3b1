package io.switchboard.gateway.infra.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.switchboard.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * CSRF protection for calls that ride on the session cookie: a double-submitted token. The token
 * lives in an HttpOnly, SameSite=Strict cookie and is handed to the app in the body of
 * {@code GET /api/v1/session} (readable only by same-origin script); every state-changing call must
 * echo it in the {@code X-CSRF-Token} header. Another site can make the browser send the cookie but
 * can neither read the token nor set a custom header without a CORS preflight we never grant.
 * Calls with a bearer token carry no ambient credential and are not checked.
 */
public class CsrfProtection {

    public static final String COOKIE = "sb_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @ServerRequestFilter
    public Optional<Response> requireTokenOnCookieWrites(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || hasBearerToken(request)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String header = request.getHeaderString(HEADER);
        if (cookie == null || header == null || !sameToken(cookie.getValue(), header)) {
            return Optional.of(Problem.response(Response.Status.FORBIDDEN,
                    "Missing or wrong " + HEADER + " header: reload the app and try again.",
                    URI.create(request.getUriInfo().getPath())));
        }
        return Optional.empty();
    }

    /** The caller's token: the one in their cookie if it looks like ours, else a fresh one. */
    public static String tokenFor(Cookie existing) {
        if (existing != null && existing.getValue() != null && existing.getValue().matches("[A-Za-z0-9_-]{43}")) {
            return existing.getValue();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private static boolean hasBearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean sameToken(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
