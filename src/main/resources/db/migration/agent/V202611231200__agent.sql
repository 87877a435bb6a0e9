-- Agent profiles, teams (with their support line) and team membership.
create sequence team_seq start with 1 increment by 50;
create table team (
  id         bigint primary key,
  name       varchar(200) not null unique,
  line       varchar(2) not null,
  created_at timestamp with time zone not null
);

create sequence agent_seq start with 1 increment by 50;
create table agent (
  id           bigint primary key,
  user_id      bigint not null unique references user_account (id),
  display_name varchar(200) not null,
  email        varchar(320) not null,
  ticket_scope varchar(20) not null,
  created_at   timestamp with time zone not null,
  version      bigint not null
);

create table agent_team (
  agent_id bigint not null references agent (id) on delete cascade,
  team_id  bigint not null references team (id),
  primary key (agent_id, team_id)
);
create index agent_team_team_idx on agent_team (team_id);
