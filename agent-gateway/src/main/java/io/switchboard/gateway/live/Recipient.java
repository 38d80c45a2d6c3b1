package io.switchboard.gateway.live;

import io.switchboard.gateway.infra.security.SignedInUser;

/** Who a push goes to. */
public sealed interface Recipient {

    boolean matches(SignedInUser user);

    /** One agent, by OIDC subject. */
    record Agent(String subject) implements Recipient {
        @Override
        public boolean matches(SignedInUser user) {
            return user.subject().equals(subject) && user.isAgent();
        }
    }

    /** The supervisors of a team (and admins); a null team means every supervisor. */
    record SupervisorsOf(String team) implements Recipient {
        @Override
        public boolean matches(SignedInUser user) {
            return team == null ? user.isSupervisor() || user.isAdmin() : user.supervises(team);
        }
    }

    /** Everyone with a live connection (a change that may affect anything they have open). */
    record Everyone() implements Recipient {
        @Override
        public boolean matches(SignedInUser user) {
            return true;
        }
    }
}
