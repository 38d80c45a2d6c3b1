package io.switchboard.ticket.infra.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.switchboard.kit.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The current request's caller, from the validated bearer token. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public Scope scope() {
        Caller caller = Caller.from(token, identity.getRoles());
        return new Scope(caller.subject(), caller.username(), caller.roles(), caller.teams());
    }
}
