-- routing-service: agents, queues and their placement rules, the tickets routing holds, assignments,
-- and the outbox of routing decisions. Correctness under many replicas rests on three things here:
--  * agent.active_count is only changed under the agent's row lock and can never pass capacity
--    (check constraint), so no agent ever exceeds capacity;
--  * at most one active assignment per ticket (unique partial index);
--  * one sequence orders outbox events and agent changes, each allocated while the rows it is about
--    are locked, so the decision log replays in the order things really happened per agent and ticket.

create sequence routing_seq;

-- An agent, identified by their OIDC subject. Teams come from the identity (OIDC groups);
-- skills, languages, capacity and the supervisor flag are managed by admins (seeded from config).
create table agent (
    id                  text        primary key,
    username            text,
    display_name        text,
    teams               text[]      not null default '{}',
    skills              text[]      not null default '{}',
    languages           text[]      not null default '{}',
    supervisor          boolean     not null default false,
    capacity            integer     not null,
    active_count        integer     not null default 0,
    presence            text        not null default 'OFFLINE',
    presence_changed_at timestamptz,
    last_heartbeat_at   timestamptz,
    last_assigned_at    timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint agent_presence_known check (presence in ('ONLINE', 'AWAY', 'OFFLINE')),
    constraint agent_capacity_range check (capacity between 0 and 1000),
    constraint agent_load_within_capacity check (active_count between 0 and capacity)
);

create index agent_heartbeat on agent (last_heartbeat_at) where presence <> 'OFFLINE';

-- Every change of an agent's capacity or presence, in routing_seq order (audit, and the decision log
-- replay of the scale test).
create table agent_change (
    seq        bigint      primary key default nextval('routing_seq'),
    agent_id   text        not null references agent (id),
    capacity   integer     not null,
    presence   text        not null,
    cause      text        not null,
    changed_at timestamptz not null default now()
);

create index agent_change_by_agent on agent_change (agent_id, seq);

-- A queue belongs to one team; its agents must have every required skill.
create table queue (
    id                     text        primary key,
    name                   text        not null,
    team                   text        not null,
    required_skills        text[]      not null default '{}',
    team_default           boolean     not null default false,
    overflow_queue_id      text        references queue (id),
    overflow_after_seconds integer,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    constraint queue_overflow_complete check ((overflow_queue_id is null) = (overflow_after_seconds is null)),
    constraint queue_overflow_elsewhere check (overflow_queue_id <> id),
    constraint queue_overflow_after_positive check (overflow_after_seconds > 0)
);

-- The queue a ticket hinted for a team (TicketOpened.teamHint) goes to.
create unique index queue_one_default_per_team on queue (team) where team_default;

-- Placement rules, tried in position order; an empty criterion matches anything.
create table placement_rule (
    id         uuid        primary key,
    position   integer     not null,
    name       text        not null,
    queue_id   text        not null references queue (id),
    channels   text[]      not null default '{}',
    languages  text[]      not null default '{}',
    intents    text[]      not null default '{}',
    tags       text[]      not null default '{}',
    priorities text[]      not null default '{}',
    enabled    boolean     not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index placement_rule_order on placement_rule (position, id);

-- What configuration seeded once (queues, rules): after that the API is the source of truth, so a
-- rule an admin deleted does not come back on the next start.
create table seed_applied (
    seed_key   text        primary key,
    applied_at timestamptz not null default now()
);

-- The tickets routing holds: WAITING in a queue, ASSIGNED to an agent, or CLOSED.
-- queued_at is when the customer started waiting; it survives a requeue, so a returned ticket keeps
-- its place and its aging.
create table routed_ticket (
    ticket_id         uuid        primary key,
    reference         text,
    channel           text        not null,
    language          text,
    intent            text        not null,
    priority          text        not null,
    priority_rank     smallint    not null,
    tags              text[]      not null default '{}',
    customer_agent_id text,
    last_agent_id     text,
    queue_id          text        not null references queue (id),
    status            text        not null,
    queued_at         timestamptz not null,
    escalated         boolean     not null default false,
    overflowed        boolean     not null default false,
    opened_at         timestamptz not null,
    first_assigned_at timestamptz,
    updated_at        timestamptz not null default now(),
    constraint routed_ticket_status_known check (status in ('WAITING', 'ASSIGNED', 'CLOSED'))
);

create index routed_ticket_waiting on routed_ticket (queue_id, queued_at) where status = 'WAITING';

create table assignment (
    id             bigserial   primary key,
    ticket_id      uuid        not null references routed_ticket (ticket_id),
    agent_id       text        not null references agent (id),
    queue_id       text        not null,
    team           text        not null,
    reason         text        not null,
    assigned_at    timestamptz not null,
    answered_at    timestamptz,
    released_at    timestamptz,
    release_reason text,
    constraint assignment_release_complete check ((released_at is null) = (release_reason is null))
);

-- A ticket has at most one assignee at a time, whatever any number of replicas do.
create unique index assignment_one_active_per_ticket on assignment (ticket_id) where released_at is null;
create index assignment_active_by_agent on assignment (agent_id) where released_at is null;

-- Decisions to publish on routing-decisions, written in the transaction that made them.
create table outbox (
    id           bigint      primary key default nextval('routing_seq'),
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    ce_type      text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_unpublished_by_key on outbox (message_key, id) where published_at is null;
create index outbox_published on outbox (published_at) where published_at is not null;
