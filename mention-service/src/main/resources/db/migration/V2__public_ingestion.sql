-- Signatures of signed webhook requests already accepted, kept for the 5-minute window in which a
-- timestamp is valid (and a little longer): the same signed request twice is a replay. Shared by
-- all replicas, so a replay sent to another pod is refused too.
create table webhook_request (
    source      varchar(64)  not null,
    signature   varchar(128) not null,
    received_at timestamptz  not null default now(),
    primary key (source, signature)
);

create index webhook_request_received_at on webhook_request (received_at);

-- "Ask us": one row per question (its reference is the mention's external id on channel ASK_US). The follow-up link carries a random token; only its SHA-256 is
-- kept, so the table alone does not let anyone read the answers.
create table ask_request (
    reference   varchar(32)  primary key,
    token_hash  char(64)     not null unique,
    email       varchar(320) not null,
    status      varchar(16)  not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- The answers agents sent, as the customer sees them on the follow-up page.
create table ask_answer (
    reply_id    uuid         primary key,
    reference   varchar(32)  not null references ask_request (reference),
    text        text         not null,
    answered_at timestamptz  not null default now()
);

create index ask_answer_reference on ask_answer (reference, answered_at);
