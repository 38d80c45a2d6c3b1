package io.switchboard.ticket.customer;

import java.time.Instant;

import io.switchboard.events.Actor;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.ticket.infra.persistence.Changes;
import io.switchboard.ticket.thread.MentionLimits;
import jakarta.enterprise.context.ApplicationScoped;

/** Customers as mentions reveal them: a new one for an unknown account, the latest name and reach for a known one. */
@ApplicationScoped
public class CustomerIdentities {

    static final String THREADING = "threading";

    /** A new customer with this mention's account as their first identity. */
    public CustomerIdentity create(MentionReceived mention, Changes changes) {
        Author author = mention.author();
        Customer customer = Customer.create(
                MentionLimits.shorten(author.displayName() != null ? author.displayName() : author.handle(),
                        MentionLimits.NAME), changes.at());
        CustomerIdentity identity = CustomerIdentity.of(customer.id, mention.channel(), author.platformId(), changes.at());
        refresh(identity, author, changes.at());
        if (mention.contact() != null && mention.contact().email().length() <= MentionLimits.PLATFORM_ID) {
            identity.email = mention.contact().email();
        }
        changes.customer(customer).identity(identity);
        changes.audit(null, customer.id, Actor.system(THREADING), "CUSTOMER_CREATED",
                "identity " + mention.channel() + " from mention " + mention.mentionId());
        return identity;
    }

    /** Handles and names change on the channel; keep what the latest post shows. */
    public static void refresh(CustomerIdentity identity, Author author, Instant at) {
        boolean changed = false;
        String handle = MentionLimits.shorten(author.handle(), MentionLimits.NAME);
        if (handle != null && !handle.equals(identity.handle)) {
            identity.handle = handle;
            changed = true;
        }
        String displayName = MentionLimits.shorten(author.displayName(), MentionLimits.NAME);
        if (displayName != null && !displayName.equals(identity.displayName)) {
            identity.displayName = displayName;
            changed = true;
        }
        if (author.followerCount() != null && !author.followerCount().equals(identity.followerCount)) {
            identity.followerCount = author.followerCount();
            changed = true;
        }
        if (author.verified() != identity.verified) {
            identity.verified = author.verified();
            changed = true;
        }
        if (changed) {
            identity.updatedAt = at;
        }
    }
}
