package io.switchboard.gateway.canned;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.infra.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CannedResponseRepository implements PanacheRepositoryBase<CannedResponse, UUID> {

    public Uni<List<CannedResponse>> forTeams(Collection<String> teams) {
        if (teams.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("team in ?1 order by team, title", teams);
    }

    /** The library of one user's teams (all teams for an admin). */
    public Uni<List<CannedResponse>> visibleTo(SignedInUser user) {
        return user.isAdmin() ? all() : forTeams(user.teams());
    }

    public Uni<List<CannedResponse>> all() {
        return list("order by team, title");
    }
}
