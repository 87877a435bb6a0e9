-- Service-level policies: which targets a ticket is clocked against (see SlaPolicies,
-- docs/adr/0016-sla-policies.md). An ordered list; the first enabled policy whose conditions match a ticket applies.
-- The default policy is last whatever its position, matches every ticket, and is made on first start.
create sequence sla_policy_seq start with 1 increment by 1;
create table sla_policy (
  id                         bigint primary key,
  -- Place in the list, smallest first (the default policy is last whatever its position).
  position                   integer not null,
  name                       varchar(200) not null unique,
  enabled                    boolean not null,
  -- The business calendar its targets are counted in; a calendar in use cannot be deleted.
  calendar_id                bigint not null references business_calendar (id),
  -- Statuses in which its clocks stand still, comma-separated (PENDING,ON_HOLD); empty for none.
  paused_in                  varchar(100) not null,
  -- The longest a first answer may take in calendar minutes whatever the calendar says: never more than 24 hours.
  first_response_cap_minutes integer not null check (first_response_cap_minutes between 1 and 1440),
  created_at                 timestamp with time zone not null,
  updated_at                 timestamp with time zone not null
);

-- When a policy applies: per attribute, the values one of which a ticket must have; an attribute without rows matches
-- any ticket. attribute: PRIORITY (CRITICAL, HIGH, MEDIUM, LOW), CATEGORY (category id), ORGANIZATION (the
-- requester's organization id), SEGMENT (a segment name, compared ignoring case), CHANNEL (EMAIL, WEB_FORM, …),
-- TEAM (team id).
create table sla_policy_condition (
  policy_id bigint not null references sla_policy (id) on delete cascade,
  attribute varchar(20) not null,
  val       varchar(200) not null,
  primary key (policy_id, attribute, val)
);

-- A policy's targets for one priority in business minutes; null where it sets none.
create table sla_policy_target (
  policy_id               bigint not null references sla_policy (id) on delete cascade,
  priority                varchar(10) not null,
  first_response_minutes  integer check (first_response_minutes > 0),
  next_response_minutes   integer check (next_response_minutes > 0),
  periodic_update_minutes integer check (periodic_update_minutes > 0),
  resolution_minutes      integer check (resolution_minutes > 0),
  primary key (policy_id, priority)
);

-- One row: the default policy (a foreign key, so it cannot be deleted), and a revision counted up by every change of
-- any policy, which each node compares with the one its cached policies were read at.
create table sla_policy_state (
  id                smallint primary key check (id = 1),
  default_policy_id bigint not null references sla_policy (id),
  revision          bigint not null
);
