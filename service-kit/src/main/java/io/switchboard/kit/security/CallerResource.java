package io.switchboard.kit.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Tells a caller how this service sees them: the quickest check that a token is accepted. */
@Path("/api/v1/me")
public class CallerResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    public Caller me() {
        return Caller.from(token, identity.getRoles());
    }
}
