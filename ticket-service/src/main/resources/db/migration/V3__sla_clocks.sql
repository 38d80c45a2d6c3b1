-- SLA clocks: one row per clock run of a ticket (first response, next response, resolution).
-- Budgets count business time (the policy's calendar); pausing (pending the customer) banks the
-- business time used so far and clears the due instants until the clock resumes.
create table sla_clock (
    id               uuid          primary key,
    ticket_id        uuid          not null references ticket (id),
    clock            varchar(16)   not null,
    around_the_clock boolean       not null,
    budget_seconds   bigint        not null,
    -- Business seconds used before the current run (i.e. before the last resume).
    used_seconds     bigint        not null default 0,
    started_at       timestamptz   not null,
    -- Null while paused or stopped.
    running_since    timestamptz,
    warn_at          timestamptz,
    due_at           timestamptz,
    paused_at        timestamptz,
    stopped_at       timestamptz,
    -- Set exactly once, by the scanner that claims the clock, in the transaction that writes the event.
    warned_at        timestamptz,
    breached_at      timestamptz
);
-- At most one live clock of each kind per ticket.
create unique index sla_clock_live on sla_clock (ticket_id, clock) where stopped_at is null;
create index sla_clock_ticket on sla_clock (ticket_id);
create index sla_clock_warn_due on sla_clock (warn_at)
    where warned_at is null and stopped_at is null and running_since is not null;
create index sla_clock_breach_due on sla_clock (due_at)
    where breached_at is null and stopped_at is null and running_since is not null;
