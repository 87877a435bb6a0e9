-- Internal targets (OLA) of teams and support lines for the part of a ticket they hold, and their rounds on each
-- ticket, computed from the ticket's trail alongside its service-level clocks and replaced whole with them
-- (docs/adr/0020-ola-and-policy-dry-run.md). Tracked and reported apart from the customer's service level.

-- A target of one team (team_id) or of every team of one support line (line: L1, L2, L3), exactly one of them; at most
-- one per holder and kind. kind RESPONSE: from when the ticket comes to the holder to the first reply or note of one
-- of its agents; RESOLUTION: while the holder has the ticket, until it is solved or handed on.
create sequence ola_target_seq start with 1 increment by 1;
create table ola_target (
  id             bigint primary key,
  team_id        bigint references team (id),
  line           varchar(2),
  kind           varchar(20) not null,
  -- Business minutes on the calendar below: at most a year.
  target_minutes integer not null check (target_minutes between 1 and 525600),
  -- A calendar in use cannot be deleted.
  calendar_id    bigint not null references business_calendar (id),
  enabled        boolean not null,
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  check ((team_id is null) <> (line is null))
);
-- Null holders are distinct: a line's target never collides with a team's.
create unique index ola_target_team_kind_idx on ola_target (team_id, kind);
create unique index ola_target_line_kind_idx on ola_target (line, kind);

-- One round of a target on a ticket: each time the ticket came to the target's team or line (round 1, 2, …).
-- team_id is the target's team (null for a line's target); line the target's line, or its team's line.
-- state RUNNING, PAUSED or STOPPED; ended_by (stopped) RESPONDED, HANDED_ON or SOLVED.
create table ola_clock (
  ticket_id        bigint not null references ticket (id) on delete cascade,
  -- No foreign key: a deleted target's rounds stay for the reports until the ticket's next recompute.
  target_id        bigint not null,
  round            integer not null,
  team_id          bigint,
  line             varchar(2),
  kind             varchar(20) not null,
  calendar_id      bigint not null,
  target_minutes   integer not null,
  state            varchar(10) not null,
  started_at       timestamp with time zone not null,
  running_since    timestamp with time zone,
  -- Running: when the target runs out if nothing changes. Paused: when it ran out, if it did. Stopped: the due
  -- time it stopped against.
  due_at           timestamp with time zone,
  stopped_at       timestamp with time zone,
  ended_by         varchar(20),
  -- Business time used up to running_since (running) or in all (paused, stopped); what a stopped round achieved.
  used_seconds     bigint not null,
  achieved_seconds bigint,
  -- Whether it missed its target (a running round: as of computed_at; due_at tells from then on).
  breached         boolean not null,
  computed_at      timestamp with time zone not null,
  primary key (ticket_id, target_id, round)
);
-- The report: rounds that stopped in a period; rounds going that are past due.
create index ola_clock_stopped_idx on ola_clock (stopped_at);
create index ola_clock_state_due_idx on ola_clock (state, due_at);
