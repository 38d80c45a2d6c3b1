-- The decision log (outbox events and agent changes in routing_seq order) made complete enough to
-- replay what routing decided on, not only what it decided:
--  * tx_id: which transaction wrote each entry. Other replicas only ever see the state between
--    transactions; inside one, a release is followed by the assignment that uses the freed capacity.
--  * agent_change records everything eligibility depends on (teams, skills, languages, supervisor,
--    besides capacity and presence), on every change of any of them.
--  * closed_while_waiting: a ticket closed before anyone took it leaves its queue without a routing
--    decision; this is the entry for it.
-- Columns are added without a default first and given one afterwards, so existing rows stay null
-- and no table is rewritten.

alter table outbox add column tx_id bigint;
alter table outbox alter column tx_id set default txid_current();

alter table agent_change add column tx_id bigint;
alter table agent_change alter column tx_id set default txid_current();
alter table agent_change add column teams text[];
alter table agent_change add column skills text[];
alter table agent_change add column languages text[];
alter table agent_change add column supervisor boolean;

create table closed_while_waiting (
    seq       bigint      primary key default nextval('routing_seq'),
    ticket_id uuid        not null references routed_ticket (ticket_id),
    queue_id  text        not null,
    tx_id     bigint      not null default txid_current(),
    closed_at timestamptz not null default now()
);

create index closed_while_waiting_by_ticket on closed_while_waiting (ticket_id);
