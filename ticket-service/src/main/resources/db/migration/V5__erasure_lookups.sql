-- GDPR erasure finds a customer's content outside their own tickets: their posts on another
-- customer's ticket (a conversation that moved with a ticket merge) by author, and the messages
-- that moved away from their tickets by the ticket they were written on.
create index message_author on message (author_id);
create index message_merged_from on message (merged_from_ticket_id) where merged_from_ticket_id is not null;
