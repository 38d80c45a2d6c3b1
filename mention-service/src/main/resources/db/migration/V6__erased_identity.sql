-- Erased customers' platform identities, as keyed hashes only: HMAC-SHA256 over "<CHANNEL>:<platform id>"
-- (an ask-us e-mail address lower-cased) with the service's identity key (switchboard.privacy.identity-key).
-- Never the id itself: without the key a hash cannot be checked against a list of known ids. A reply
-- requested after the erasure, on any ticket, whose recipient hashes to one of these is refused.
-- Kept for good, like erased_ticket: a late request may arrive after any consumer lag or replay.
create table erased_identity (
    identity_hash  bytea         primary key,
    erased_at      timestamptz   not null default now()
);

-- Used only when no identity key is configured: one random key, generated on first use, so the
-- hashes stay comparable across restarts and replicas. Configuring the key (a Secret) is better:
-- then a copy of this database alone does not allow the check.
create table identity_key (
    id    smallint  primary key check (id = 1),
    key   bytea     not null
);
