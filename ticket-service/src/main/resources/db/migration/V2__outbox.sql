-- Events to publish on Kafka, written in the same transaction as the change they describe; the
-- relay publishes unsent rows in seq order and marks them sent after the broker acknowledged them.
create table outbox_event (
    event_id     uuid          primary key,
    -- Commit order is publish order: events of one ticket are written by successive transactions
    -- (the ticket's version serialises them), so their seqs ascend in the order they happened.
    seq          bigint        generated always as identity unique,
    topic        varchar(100)  not null,
    message_key  varchar(230)  not null,
    ce_type      varchar(128)  not null,
    -- The event as EventCodec writes it (JSON, UTF-8).
    payload      bytea         not null,
    occurred_at  timestamptz   not null,
    created_at   timestamptz   not null,
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_key on outbox_event (message_key);
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
