package io.switchboard.gateway.infra.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user's access token, which every call to ticket-service and routing-service carries
 * so that each service checks the user's roles and teams itself (no trusted internal network).
 * A browser session holds it in the encrypted session cookie, a script sends it as a bearer token.
 */
public final class UserToken {

    private UserToken() {
    }

    public static String of(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null && identity.getAttribute(AccessTokenCredential.class.getName()) instanceof AccessTokenCredential attribute) {
            credential = attribute;
        }
        if (credential == null || credential.getToken() == null) {
            throw new IllegalStateException("the signed-in identity carries no access token");
        }
        return credential.getToken();
    }
}
