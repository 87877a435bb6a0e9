-- Queue pages read "where assignee_id = ? (or team_id = ?) and status in (...) order by updated_at desc, id desc
-- limit 25". The (…, status, updated_at) indexes cannot return several statuses in updated_at order, so the planner
-- walks ticket_updated_idx backwards and filters. Once the statement is prepared with a generic plan, that walk is
-- also chosen for an agent or team with few or no open tickets and reads the whole table (4-5 s at 1M tickets).
-- These indexes give an ordered walk over that one agent's or team's tickets. The status indexes stay: they serve
-- the capped counts as index-only scans.
create index ticket_assignee_updated_idx on ticket (assignee_id, updated_at);
create index ticket_team_updated_idx on ticket (team_id, updated_at);
