-- The dedupe key of every accepted mention: a post (channel + external id) is accepted once,
-- whatever reconnects, backfills, webhook retries and restarts deliver it again. The insert of this
-- row and of the MentionReceived outbox row share one transaction.
create table mention (
    mention_id         uuid         primary key,
    channel            varchar(16)  not null,
    external_id        varchar(256) not null,
    conversation_id    varchar(256) not null,
    -- Kept so a CustomerErased event can find and anonymise this customer's rows.
    author_platform_id varchar(512) not null,
    source             varchar(64)  not null,
    actionable         boolean      not null,
    accepted_at        timestamptz  not null,
    constraint mention_channel_external_id unique (channel, external_id)
);

create index mention_author on mention (channel, author_platform_id);

-- Transactional outbox: every event this service publishes is first a row here, written in the
-- transaction of the state change it reports. The relay sends unsent rows in id order and marks
-- them sent only after the broker acknowledged them.
create table outbox (
    id          bigserial    primary key,
    event_id    uuid         not null unique,
    topic       varchar(128) not null,
    message_key varchar(600) not null,
    ce_type     varchar(128) not null,
    -- The event's JSON exactly as encoded: bytea keeps any text (NUL escapes included) byte for byte.
    payload     bytea        not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz
);

create index outbox_unsent on outbox (id) where sent_at is null;
