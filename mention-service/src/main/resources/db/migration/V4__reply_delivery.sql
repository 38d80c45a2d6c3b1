-- One row per reply request (reply_id is the idempotency key), recording the delivery before and
-- after the platform call:
--   PENDING   to be posted at next_attempt_at
--   POSTING   a worker is calling the platform until locked_until; once that lease has expired
--             (the worker crashed, or the call ended without a clear answer) the reply is in doubt
--             and is looked for on the platform before it may ever be posted again
--   DELIVERED / FAILED  final; the outcome event was written to the outbox in the same transaction
create table reply_delivery (
    reply_id         uuid          primary key,
    ticket_id        uuid          not null,
    channel          varchar(16)   not null,
    request          bytea         not null,
    state            varchar(16)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    locked_until     timestamptz,
    external_post_id varchar(256),
    permalink        varchar(1024),
    failure_code     varchar(32),
    failure_reason   varchar(512),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);

create index reply_delivery_due on reply_delivery (next_attempt_at) where state = 'PENDING';
create index reply_delivery_posting on reply_delivery (locked_until) where state = 'POSTING';
