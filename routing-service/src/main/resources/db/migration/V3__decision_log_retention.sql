-- DecisionLogRetention purges agent_change and closed_while_waiting rows older than
-- routing.decision-log.retention; these indexes let each batch find them without a full scan.
create index agent_change_changed_at on agent_change (changed_at);
create index closed_while_waiting_closed_at on closed_while_waiting (closed_at);
