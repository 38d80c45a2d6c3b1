package io.switchboard.gateway.infra.security;

import java.util.Set;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * OIDC in hybrid mode, with one change: a request to the API without a valid session or token is
 * answered 401 with problem details instead of a redirect to Keycloak's login page. A script, a
 * test or the app's own fetch cannot follow a login page; the app reacts to the 401 by sending
 * the browser to sign in. Every other path (the app itself) still redirects to the login page.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ApiAwareAuthentication implements HttpAuthenticationMechanism {

    static final String API_PREFIX = "/api/";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    @Inject
    OidcAuthenticationMechanism oidc;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return oidc.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, "Bearer realm=\"switchboard\""));
        }
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return oidc.sendChallenge(context);
        }
        context.response()
                .setStatusCode(401)
                .putHeader(WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemBodies.MEDIA_TYPE)
                .end(ProblemBodies.json(401, "Unauthorized",
                        "Sign in (session cookie) or send a bearer token.", context.request().path()));
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }

    static boolean isApi(RoutingContext context) {
        return context.request().path().startsWith(API_PREFIX);
    }
}
