-- Entries of the decision log are dated when they are written, under the row locks that order them,
-- not when their transaction began: a transaction that waited for an agent's row behind another's
-- change must not date its own entry before that change. (Assignments are dated the same way, in
-- AgentStore.takeOne and AssignmentStore.release.)
alter table agent_change alter column changed_at set default clock_timestamp();
alter table closed_while_waiting alter column closed_at set default clock_timestamp();
