package io.switchboard.gateway.infra.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in user of the current request, and the Authorization header their downstream calls carry. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private SignedInUser user;

    public SignedInUser get() {
        if (user == null) {
            user = SignedInUser.of(identity);
        }
        return user;
    }

    /** "Bearer &lt;the user's access token&gt;", for ticket-service and routing-service. */
    public String authorization() {
        return "Bearer " + UserToken.of(identity);
    }
}
