-- Free-text search (TicketSearch) matches ILIKE '%text%' against message texts, summaries and
-- references; a b-tree cannot serve a pattern that starts with a wildcard, a trigram index can.
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner, which is the
-- service's own role (platform launcher and k8s/postgresql/databases.yaml), may create it without
-- being a superuser. Where someone else owns the database, they create it once beforehand.
create extension if not exists pg_trgm;

create index message_text_trgm on message using gin (text gin_trgm_ops);
create index ticket_summary_trgm on ticket using gin (summary gin_trgm_ops);
create index ticket_reference_trgm on ticket using gin (reference gin_trgm_ops);
