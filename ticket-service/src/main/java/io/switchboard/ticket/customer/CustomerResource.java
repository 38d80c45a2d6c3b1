package io.switchboard.ticket.customer;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import io.switchboard.ticket.customer.api.CustomerExport;
import io.switchboard.ticket.customer.api.CustomerRequests;
import io.switchboard.ticket.customer.api.CustomerView;
import io.switchboard.ticket.infra.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Customers across their channels, and the GDPR requests about them (admins only). */
@Path("/api/v1/customers/{id}")
public class CustomerResource {

    @Inject
    Callers callers;

    @Inject
    CustomerService customers;

    @Inject
    CustomerPrivacy privacy;

    /** The customer, their identities on every channel and their tickets (those the caller may see). */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<CustomerView> get(@PathParam("id") UUID id) {
        return customers.view(id, callers.scope());
    }

    /** Add another account of the same person (e.g. their e-mail address next to their X account). */
    @POST
    @Path("/identities")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<CustomerView> linkIdentity(@PathParam("id") UUID id, CustomerRequests.LinkIdentity request) {
        return customers.linkIdentity(id, body(request), callers.scope());
    }

    /** Merge another customer, found to be the same person, into this one. */
    @POST
    @Path("/merge")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Uni<CustomerView> merge(@PathParam("id") UUID id, CustomerRequests.Merge request) {
        return customers.merge(id, body(request), callers.scope());
    }

    /** Everything held about the customer (GDPR access and portability); the export is audited. */
    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    public Uni<CustomerExport> export(@PathParam("id") UUID id) {
        return privacy.export(id, callers.scope());
    }

    /** Erase the customer's personal data and content (GDPR erasure); audited, announced as CustomerErased. */
    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Uni<CustomerExport.Erasure> erase(@PathParam("id") UUID id) {
        return privacy.erase(id, callers.scope());
    }

    private static <T> T body(T request) {
        if (request == null) {
            throw new BadRequestException("A JSON body is required.");
        }
        return request;
    }
}
