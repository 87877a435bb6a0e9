-- Warnings and escalations of service-level clocks (docs/adr/0018-sla-escalations.md): rules per policy, and every
-- rule that fired for a clock, once.

-- A policy's rule: when a clock of the target has used at_percent of its target (100 = at the breach, 150 = half the
-- target again after it), do the action: NOTIFY_ASSIGNEE, NOTIFY_SUPERVISORS, RAISE_PRIORITY, REASSIGN_TEAM (to
-- team_id) or NEXT_LINE (a team of the next support line).
create sequence sla_escalation_rule_seq start with 1 increment by 1;
create table sla_escalation_rule (
  id         bigint primary key,
  policy_id  bigint not null references sla_policy (id) on delete cascade,
  target     varchar(20) not null,
  at_percent integer not null check (at_percent between 1 and 1000),
  action     varchar(20) not null,
  -- REASSIGN_TEAM only (no foreign key, as in the policies' conditions: a deleted team leaves the rule doing nothing).
  team_id    bigint,
  enabled    boolean not null,
  created_at timestamp with time zone not null
);
create index sla_escalation_rule_policy_idx on sla_escalation_rule (policy_id);

-- Each rule that fired for a ticket's clock: the primary key lets a rule fire once per clock target and round (a
-- restarting clock's round), whichever node gets there and however often the clock is recomputed. Written in the
-- transaction that carries out the action; the rule's settings are copied, so the record outlives the rule.
create table sla_escalation_fired (
  ticket_id  bigint not null references ticket (id) on delete cascade,
  target     varchar(20) not null,
  clock_round integer not null,
  rule_id    bigint not null,
  fired_at   timestamp with time zone not null,
  -- The clock's due time then.
  due_at     timestamp with time zone,
  at_percent integer not null,
  action     varchar(20) not null,
  -- What came of it: NOTIFIED, PRIORITY_RAISED, TEAM_CHANGED, or why nothing changed (HIGHEST_PRIORITY, SAME_TEAM,
  -- NO_TEAM, NO_NEXT_LINE); detail: the new priority or team id.
  outcome    varchar(20) not null,
  detail     varchar(200),
  primary key (ticket_id, target, clock_round, rule_id)
);

-- Policies whose default rules were made (once: rules an administrator deleted are not made again).
create table sla_escalation_defaults (
  policy_id bigint primary key references sla_policy (id) on delete cascade
);
