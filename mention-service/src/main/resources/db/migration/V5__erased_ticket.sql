-- The tickets of erased customers (ids only, nothing personal). ReplyRequested is keyed by ticket and
-- CustomerErased by customer, so a reply requested before an erasure can be consumed after it; this
-- table is how such a reply is recognised and refused instead of posted. Kept for good: one small row
-- per erased ticket, and a late request may arrive after any consumer lag or replay.
create table erased_ticket (
    ticket_id  uuid          primary key,
    erased_at  timestamptz   not null default now()
);
