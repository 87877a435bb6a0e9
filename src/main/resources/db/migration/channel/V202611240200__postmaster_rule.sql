-- Postmaster rules: what an administrator decides about incoming mail before it becomes a ticket (drop it, tag it,
-- send it to a team, give it a category or a priority), by sender, recipients, subject, body or any header. Rules
-- apply in position order; a rule matches when all its conditions do. See PostmasterRules.
create sequence postmaster_rule_seq start with 1 increment by 50;
create table postmaster_rule (
  id          bigint primary key,
  -- Order of evaluation, lowest first; gaps are fine (a deleted rule leaves one).
  position    integer not null,
  name        varchar(200) not null unique,
  enabled     boolean not null,
  -- Rules after this one are not looked at when it matches.
  stop_after  boolean not null,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint not null
);
create index postmaster_rule_position_idx on postmaster_rule (position, id);

-- field: FROM, TO, CC, SUBJECT, BODY, HEADER (then header_name says which, as written; its case does not matter);
-- operator: CONTAINS, NOT_CONTAINS, EQUALS, STARTS_WITH, ENDS_WITH, MATCHES (a Java regular expression).
create table postmaster_rule_condition (
  rule_id      bigint not null references postmaster_rule (id) on delete cascade,
  ordinal      integer not null,
  field        varchar(20) not null,
  header_name  varchar(200),
  operator     varchar(20) not null,
  match_value  varchar(1000) not null,
  primary key (rule_id, ordinal)
);

-- kind: DROP (no argument), TAG (the tag), ROUTE_TEAM (a team id), SET_CATEGORY (a category id),
-- SET_PRIORITY (a ticket priority: CRITICAL, HIGH, MEDIUM, LOW).
create table postmaster_rule_action (
  rule_id   bigint not null references postmaster_rule (id) on delete cascade,
  ordinal   integer not null,
  kind      varchar(20) not null,
  argument  varchar(200),
  primary key (rule_id, ordinal)
);
