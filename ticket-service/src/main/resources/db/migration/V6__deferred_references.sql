-- References are checked at commit, not statement by statement. A transaction that threads a batch
-- of mentions or records a batch of routing decisions (Changes.writeBatched) first flushes its
-- changes to rows it loaded, one statement each, and only then inserts its new rows as batched
-- statements; such a change may point at a row inserted after it (a conversation moving to the
-- ticket that opens for it). At commit every row of the transaction is there, and a reference to a
-- row that does not exist still fails the transaction.
alter table customer          alter constraint customer_merged_into_id_fkey       deferrable initially deferred;
alter table customer_identity alter constraint customer_identity_customer_id_fkey deferrable initially deferred;
alter table ticket            alter constraint ticket_customer_id_fkey            deferrable initially deferred;
alter table ticket            alter constraint ticket_previous_ticket_id_fkey     deferrable initially deferred;
alter table ticket            alter constraint ticket_merged_into_id_fkey         deferrable initially deferred;
alter table conversation      alter constraint conversation_ticket_id_fkey        deferrable initially deferred;
alter table message           alter constraint message_ticket_id_fkey             deferrable initially deferred;
alter table sla_clock         alter constraint sla_clock_ticket_id_fkey           deferrable initially deferred;
