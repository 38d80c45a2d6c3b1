-- Shared by every service (each in its own database); services number their own migrations from V1.
-- Every consumed event is recorded here in the same transaction as its effect, so a redelivered
-- event is recognised and changes nothing. Event ids are UUIDs, unique across all event types.
create table processed_event (
    event_id     uuid         primary key,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null
);

create index processed_event_processed_at on processed_event (processed_at);
