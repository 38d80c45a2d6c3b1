-- Where each connector got to on its platform (X's since_id, Mastodon's min_id, Bluesky's last seen
-- time), so a restart resumes instead of re-reading or skipping. Advanced only after every post up
-- to the cursor was ingested; anything re-read is dropped by the dedupe key.
create table connector_cursor (
    connector  varchar(64)  primary key,
    position   varchar(256) not null,
    updated_at timestamptz  not null default now()
);
