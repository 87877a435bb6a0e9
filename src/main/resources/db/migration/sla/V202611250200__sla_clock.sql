-- Service-level clocks of tickets and their timelines, computed from each ticket's recorded trail (history and
-- public messages) and replaced whole on every recompute (docs/adr/0017-sla-clocks-from-the-trail.md).

-- One row per ticket whose clocks are kept: locked while they are recomputed, so that two recomputes of one ticket
-- take turns; changed_at is when its clocks or timeline last changed.
create table sla_ticket (
  ticket_id  bigint primary key references ticket (id) on delete cascade,
  changed_at timestamp with time zone not null
);

-- A ticket's clock per target (FIRST_RESPONSE, NEXT_RESPONSE, PERIODIC_UPDATE, RESOLUTION) the policy sets; a clock
-- that restarts (next response, periodic update) in its latest round. State RUNNING, PAUSED or STOPPED.
create table sla_clock (
  ticket_id        bigint not null references sla_ticket (ticket_id) on delete cascade,
  target           varchar(20) not null,
  -- The policy and calendar counted by (no foreign keys: a deleted policy's clocks keep its id and name until the
  -- recompute that its deletion starts).
  policy_id        bigint not null,
  policy_name      varchar(200),
  calendar_id      bigint not null,
  state            varchar(10) not null,
  target_minutes   integer not null,
  -- Business time used up to running_since (running) or in all (paused, stopped).
  used_seconds     bigint not null,
  started_at       timestamp with time zone not null,
  running_since    timestamp with time zone,
  -- Running: when the target runs out if nothing changes. Paused: when it ran out, if it did. Stopped: the due
  -- time it was stopped against.
  due_at           timestamp with time zone,
  stopped_at       timestamp with time zone,
  -- For reports: business time used when it stopped, and whether it was late (a running clock: as of its last
  -- recompute; due_at tells from then on).
  achieved_seconds bigint,
  breached         boolean not null,
  -- Rounds of a restarting clock, and how many of them missed their target.
  rounds           integer not null,
  breaches         integer not null,
  -- When the escalation scanner is to look at this clock next (warnings before the due time, actions after it).
  next_check_at    timestamp with time zone,
  primary key (ticket_id, target)
);
-- Not partial indexes (where state = 'RUNNING'): H2, the embedded default, has none; state first serves the same.
create index sla_clock_state_due_idx on sla_clock (state, due_at);
create index sla_clock_state_check_idx on sla_clock (state, next_check_at);

-- Every start, pause, resume, stop and target change of a ticket's clocks, in order (seq), with its reason: the cause
-- (OPENED, CUSTOMER_MESSAGE, AGENT_MESSAGE, STATUS, REOPENED, PRIORITY, CATEGORY, TEAM) and the facts explaining it.
create table sla_timeline (
  ticket_id        bigint not null references sla_ticket (ticket_id) on delete cascade,
  seq              integer not null,
  at               timestamp with time zone not null,
  kind             varchar(20) not null,
  target           varchar(20) not null,
  cause            varchar(20) not null,
  policy_id        bigint not null,
  policy_name      varchar(200),
  calendar_id      bigint not null,
  -- The target then, and before a target change (minutes; null where the policy set none).
  target_minutes   integer,
  previous_minutes integer,
  -- The status or the message that caused it; a changed field's old and new value (enum name or id).
  status           varchar(20),
  message_id       bigint,
  from_value       varchar(100),
  to_value         varchar(100),
  -- The due time as it stood then (a clock counting on); what a stopped clock achieved and whether it was late.
  due_at           timestamp with time zone,
  achieved_seconds bigint,
  breached         boolean,
  primary key (ticket_id, seq)
);
