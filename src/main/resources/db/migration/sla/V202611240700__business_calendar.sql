-- Business calendars: when a support team works. Service-level targets are counted in the working time of a
-- calendar (see BusinessCalendars, docs/adr/0014-business-calendars.md). Exactly one calendar is the default; on
-- first start it is made from the otklik.sla.* settings.
create sequence business_calendar_seq start with 1 increment by 1;
create table business_calendar (
  id               bigint primary key,
  name             varchar(200) not null unique,
  -- A time zone id such as Europe/Moscow; hours are wall-clock times there.
  time_zone        varchar(64) not null,
  -- Round the clock every day: the weekly hours are kept but not used (dated entries and holidays still are).
  round_the_clock  boolean not null,
  -- The shipped production calendar laid over the week (src/main/resources/sla/calendars/<name>), e.g. ru; null
  -- for none.
  country_holidays varchar(20),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null
);

-- The working periods of each weekday with any (a weekday without a row is a day off): weekday 1 Monday .. 7 Sunday,
-- hours such as 09:00-13:00,14:00-18:00 (in order, not overlapping; 24:00 for the end of the day).
create table business_calendar_hours (
  calendar_id bigint not null references business_calendar (id) on delete cascade,
  weekday     smallint not null,
  hours       varchar(300) not null,
  primary key (calendar_id, weekday)
);

-- Dates of a calendar that differ from its week, taking precedence over the production calendar: kind HOLIDAY (no
-- work; hours null) or WORKING (worked with the given hours, e.g. a transferred Saturday or a shortened day).
create table business_calendar_day (
  calendar_id bigint not null references business_calendar (id) on delete cascade,
  on_date     date not null,
  kind        varchar(10) not null,
  hours       varchar(300),
  note        varchar(500),
  primary key (calendar_id, on_date)
);

-- One row: the default calendar, and a revision counted up by every change of any calendar, which each node
-- compares with the one its cached calendars were read at.
create table business_calendar_state (
  id                  smallint primary key check (id = 1),
  default_calendar_id bigint not null references business_calendar (id),
  revision            bigint not null
);
