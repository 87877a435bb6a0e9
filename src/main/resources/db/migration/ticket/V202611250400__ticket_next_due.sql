-- A ticket's next service-level due time, kept by the sla module whenever it replaces the ticket's clocks (in the
-- same transaction): the earliest due time of its running clocks (null when none runs), when that clock counts as
-- nearly due (under a fifth of its target or half an hour left), and whether it had already missed its target
-- when computed. Queues sort by it ("due soonest", nulls last) and show it as a badge without asking sla.
alter table ticket add column next_due_at timestamp with time zone;
alter table ticket add column next_due_near_at timestamp with time zone;
alter table ticket add column next_due_breached boolean default false not null;
-- The ordered walks of "due soonest": over all tickets, one agent's, one team's (see V202611231400 for why the
-- per-agent and per-team ones).
create index ticket_next_due_idx on ticket (next_due_at, id);
create index ticket_assignee_next_due_idx on ticket (assignee_id, next_due_at);
create index ticket_team_next_due_idx on ticket (team_id, next_due_at);
