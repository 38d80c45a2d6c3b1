package io.switchboard.gateway.session;

import java.util.List;
import java.util.Set;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.presence.PresenceService;
import io.switchboard.gateway.infra.security.CsrfProtection;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The app's first call: who is signed in, and the CSRF token for the calls that change things. */
@Path("/api/v1/session")
@Authenticated
public class SessionResource {

    public record SessionView(String subject, String username, String displayName, Set<String> roles,
                              Set<String> teams, List<String> languages, String csrfToken) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    PresenceService presence;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        SignedInUser user = SignedInUser.of(identity);
        String token = CsrfProtection.tokenFor(headers.getCookies().get(CsrfProtection.COOKIE));
        SessionView view = new SessionView(user.subject(), user.username(), user.displayName(), user.roles(),
                user.teams(), user.languages(), token);
        return Response.ok(view).cookie(CsrfProtection.cookie(token, request.isSSL())).build();
    }

    /**
     * The app calls this before it sends the browser to {@code /logout} (which ends the Keycloak
     * session too): an agent goes offline at once instead of when heartbeats stop.
     */
    @POST
    @Path("/sign-out")
    public Uni<Response> signOut() {
        SignedInUser user = SignedInUser.of(identity);
        Uni<Void> offline = user.isAgent() ? presence.signOut(user) : Uni.createFrom().voidItem();
        return offline.map(done -> Response.noContent().build());
    }
}
