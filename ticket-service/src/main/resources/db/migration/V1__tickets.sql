-- The system of record: customers and their channel identities, tickets, their conversations and
-- messages, the audit trail, and the mentions that were counted but not ticketed.
-- Enumerations are stored by name (varchar) so a new constant needs no migration; ids are UUIDs
-- assigned by the service, so inserts can be batched without reading generated keys back.

create table customer (
    id             uuid         primary key,
    display_name   varchar(200),
    -- Set when this customer was merged into another; the row stays so old references resolve.
    merged_into_id uuid         references customer (id),
    erased_at      timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);

-- One account of a customer on one channel (an X user id, an e-mail address for the ask-us form).
create table customer_identity (
    id             uuid         primary key,
    customer_id    uuid         not null references customer (id),
    channel        varchar(16)  not null,
    platform_id    varchar(320) not null,
    handle         varchar(200),
    display_name   varchar(200),
    follower_count integer,
    verified       boolean      not null default false,
    email          varchar(320),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint customer_identity_per_channel unique (channel, platform_id)
);
create index customer_identity_customer on customer_identity (customer_id);
create index customer_identity_platform on customer_identity (platform_id);

-- Human references SW-10000, SW-10001, ...: a sequence never hands out a number twice (gaps are fine).
create sequence ticket_reference_seq start with 10000 increment by 1 no cycle;

create table ticket (
    id                       uuid          primary key,
    reference                varchar(16)   not null unique,
    channel                  varchar(16)   not null,
    brand_account            varchar(200),
    -- The conversation that opened the ticket; public replies go back into it.
    conversation_id          varchar(200)  not null,
    visibility               varchar(8)    not null,
    customer_id              uuid          not null references customer (id),
    summary                  varchar(280)  not null,
    language                 varchar(35),
    intent                   varchar(16)   not null,
    sentiment                varchar(8),
    sentiment_score          double precision,
    priority                 varchar(8)    not null,
    team                     varchar(100),
    queue_id                 varchar(100),
    assignee_id              varchar(100),
    status                   varchar(20)   not null,
    tags                     text[]        not null default '{}',
    -- A ticket opened because the customer wrote again after the reopen period links to the old one.
    previous_ticket_id       uuid          references ticket (id),
    merged_into_id           uuid          references ticket (id),
    first_mention_id         uuid          not null,
    last_customer_message_at timestamptz,
    last_agent_reply_at      timestamptz,
    resolved_at              timestamptz,
    closed_at                timestamptz,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    -- Optimistic locking: every change increments it; a stale write fails instead of overwriting.
    version                  bigint        not null default 0
);
-- Cursor paging walks (created_at, id) newest first; filters narrow it.
create index ticket_created on ticket (created_at desc, id desc);
create index ticket_customer_channel on ticket (customer_id, channel, status);
create index ticket_team_status on ticket (team, status);
create index ticket_assignee on ticket (assignee_id) where assignee_id is not null;
create index ticket_tags on ticket using gin (tags);

-- Which ticket a conversation (channel + thread root) belongs to now. A ticket can hold several
-- conversations (a customer's new post joins their open ticket); a conversation moves to a new
-- ticket when its old one is closed or past the reopen period.
create table conversation (
    conversation_key varchar(230) primary key,
    ticket_id        uuid         not null references ticket (id),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index conversation_ticket on conversation (ticket_id);

-- Customer posts, agent replies (with their delivery) and internal notes, in order per ticket.
create table message (
    id                      uuid          primary key,
    -- Insertion order, the conversation's order; never written by the service.
    seq                     bigint        generated always as identity unique,
    ticket_id               uuid          not null references ticket (id),
    kind                    varchar(16)   not null,
    author_id               varchar(100)  not null,
    author_name             varchar(200),
    text                    text          not null,
    -- Triage's copy with personal data masked; what lists and summaries show.
    redacted_text           text,
    visibility              varchar(8),
    -- A mention is recorded at most once, in at most one ticket: the consumers' idempotency key.
    mention_id              uuid          unique,
    external_id             varchar(200),
    conversation_id         varchar(200),
    in_reply_to_external_id varchar(200),
    reply_id                uuid          unique,
    delivery_state          varchar(10),
    delivery_detail         varchar(500),
    external_post_id        varchar(200),
    delivery_changed_at     timestamptz,
    -- The ticket a message was written on, when it was merged into this one.
    merged_from_ticket_id   uuid,
    posted_at               timestamptz,
    created_at              timestamptz   not null
);
create index message_ticket on message (ticket_id, seq);

-- Mentions triage found not actionable (or spam): counted for analytics, never ticketed. No text,
-- no author: nothing personal is kept for them.
create table ignored_mention (
    mention_id    uuid         primary key,
    channel       varchar(16)  not null,
    brand_account varchar(200),
    intent        varchar(16)  not null,
    reason        varchar(32)  not null,
    accepted_at   timestamptz  not null,
    recorded_at   timestamptz  not null
);
create index ignored_mention_accepted on ignored_mention (accepted_at);

-- Who changed what, when. Details name fields and ids, never message text.
create table audit_entry (
    id          uuid          primary key,
    seq         bigint        generated always as identity unique,
    ticket_id   uuid,
    customer_id uuid,
    actor_kind  varchar(10)   not null,
    actor_id    varchar(100)  not null,
    action      varchar(40)   not null,
    detail      varchar(1000),
    occurred_at timestamptz   not null
);
create index audit_entry_ticket on audit_entry (ticket_id, seq) where ticket_id is not null;
create index audit_entry_customer on audit_entry (customer_id, seq) where customer_id is not null;
