package io.switchboard.ticket.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who writes to us, on any number of channels ({@link CustomerIdentity}). Two customers
 * found to be the same person are merged: the one merged away keeps a pointer to the survivor.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    /** Set by a GDPR erasure: the row stays (tickets point at it), its personal data is gone. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    public static Customer create(String displayName, Instant at) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.displayName = displayName;
        customer.createdAt = at;
        customer.updatedAt = at;
        return customer;
    }
}
