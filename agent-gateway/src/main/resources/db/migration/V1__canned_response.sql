-- The team libraries of canned responses (managed by the team's supervisors).
create table canned_response (
    id          uuid primary key,
    team        text not null,
    title       text not null,
    body        text not null,
    updated_by  text not null,
    updated_at  timestamptz not null
);
create index canned_response_team on canned_response (team, title);

-- A starting library for the demo teams; supervisors edit it from the app.
insert into canned_response (id, team, title, body, updated_by, updated_at) values
  ('6c7d1f0e-0d3b-4c59-9a43-1f0a7a0c0001', 'customer-care', 'Sorry, looking into it',
   'Hi {{customer.name}}, sorry about this! I''m looking into it now and will update you here.', 'seed', now()),
  ('6c7d1f0e-0d3b-4c59-9a43-1f0a7a0c0002', 'customer-care', 'Move to DM',
   'Hi {{customer.name}}, could you send us a DM with your order number so we can check it privately?', 'seed', now()),
  ('6c7d1f0e-0d3b-4c59-9a43-1f0a7a0c0003', 'customer-care', 'Thanks',
   'Thanks for the kind words, {{customer.name}}! We''ll pass them on to the team.', 'seed', now()),
  ('6c7d1f0e-0d3b-4c59-9a43-1f0a7a0c0004', 'tech-support', 'Known issue',
   'Hi {{customer.name}}, this is a known issue and our engineers are on it. Ticket {{ticket.reference}} tracks it.', 'seed', now()),
  ('6c7d1f0e-0d3b-4c59-9a43-1f0a7a0c0005', 'tech-support', 'Restart steps',
   'Hi {{customer.name}}, could you try signing out, restarting the app and signing in again? Let us know how it goes.', 'seed', now());

-- Agents' presence as last set through this gateway; heartbeats repeat it to routing-service.
create table agent_presence (
    agent_id      text primary key,
    display_name  text,
    teams         text not null,
    presence      text not null,
    updated_at    timestamptz not null,
    last_seen_at  timestamptz not null
);
