package io.switchboard.gateway.canned;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.gateway.infra.security.CurrentUser;
import io.switchboard.gateway.infra.security.SignedInUser;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The team libraries of canned responses: agents read their teams', supervisors manage their teams'. */
@Path("/api/v1/canned-responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedResponseResource {

    static final int MAX_TITLE = 80;
    static final int MAX_BODY = 2_000;

    public record CannedResponseView(UUID id, String team, String title, String body, String updatedBy, Instant updatedAt) {
        public static CannedResponseView of(CannedResponse c) {
            return new CannedResponseView(c.id, c.team, c.title, c.body, c.updatedBy, c.updatedAt);
        }
    }

    public record CannedResponseInput(String team, String title, String body) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CannedResponseRepository repository;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @WithSession
    public Uni<List<CannedResponseView>> list() {
        return repository.visibleTo(currentUser.get()).map(list -> list.stream().map(CannedResponseView::of).toList());
    }

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @WithTransaction
    public Uni<Response> create(CannedResponseInput input) {
        SignedInUser user = currentUser.get();
        validate(input, user);
        CannedResponse created = new CannedResponse();
        created.id = UUID.randomUUID();
        apply(created, input, user);
        return repository.persist(created).map(saved -> Response
                .created(URI.create("/api/v1/canned-responses/" + saved.id))
                .entity(CannedResponseView.of(saved)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @WithTransaction
    public Uni<CannedResponseView> update(@PathParam("id") UUID id, CannedResponseInput input) {
        SignedInUser user = currentUser.get();
        validate(input, user);
        return managed(id, user).map(existing -> {
            apply(existing, input, user);
            return CannedResponseView.of(existing);
        });
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return managed(id, currentUser.get()).flatMap(existing -> repository.delete(existing))
                .map(ignored -> Response.noContent().build());
    }

    /** One that the user manages; another team's is "not found" (its existence is not theirs to know). */
    private Uni<CannedResponse> managed(UUID id, SignedInUser user) {
        return repository.findById(id).map(found -> {
            if (found == null || !user.supervises(found.team)) {
                throw new NotFoundException("No canned response " + id + " in your teams.");
            }
            return found;
        });
    }

    private static void validate(CannedResponseInput input, SignedInUser user) {
        if (input == null || blank(input.team()) || blank(input.title()) || blank(input.body())) {
            throw new BadRequestException("team, title and body are required.");
        }
        if (input.title().length() > MAX_TITLE || input.body().length() > MAX_BODY) {
            throw new BadRequestException("title is at most " + MAX_TITLE + " characters and body " + MAX_BODY + ".");
        }
        if (!user.supervises(input.team())) {
            throw new ForbiddenException("You manage the library of your own teams only.");
        }
    }

    private static void apply(CannedResponse target, CannedResponseInput input, SignedInUser user) {
        target.team = input.team().trim();
        target.title = input.title().trim();
        target.body = input.body();
        target.updatedBy = user.username();
        target.updatedAt = Instant.now();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
