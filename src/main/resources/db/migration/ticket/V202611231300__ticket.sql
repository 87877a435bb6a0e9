-- Tickets, their conversation, attachments and history.
-- The ticket's id is its number: taken from a sequence, so it is unique, never reused, and a rolled-back
-- insert only leaves a gap.
create sequence ticket_number_seq start with 1001 increment by 1;

create sequence ticket_category_seq start with 1 increment by 50;
create table ticket_category (
  id       bigint primary key,
  name     varchar(200) not null unique,
  position int not null
);

create table ticket (
  id              bigint primary key,
  reference       varchar(40) not null unique,
  subject         varchar(500) not null,
  status          varchar(20) not null,
  priority        varchar(20) not null,
  category_id     bigint references ticket_category (id),
  channel         varchar(20) not null,
  requester_id    bigint not null references customer (id),
  organization_id bigint,
  assignee_id     bigint references agent (id),
  team_id         bigint references team (id),
  created_at      timestamp with time zone not null,
  updated_at      timestamp with time zone not null,
  solved_at       timestamp with time zone,
  closed_at       timestamp with time zone,
  version         bigint not null
);
create index ticket_status_updated_idx on ticket (status, updated_at);
create index ticket_assignee_status_updated_idx on ticket (assignee_id, status, updated_at);
create index ticket_team_status_updated_idx on ticket (team_id, status, updated_at);
create index ticket_requester_created_idx on ticket (requester_id, created_at);
create index ticket_category_idx on ticket (category_id);
create index ticket_updated_idx on ticket (updated_at);

create table ticket_tag (
  ticket_id bigint not null references ticket (id) on delete cascade,
  tag       varchar(60) not null,
  primary key (ticket_id, tag)
);
create index ticket_tag_tag_idx on ticket_tag (tag, ticket_id);

create sequence ticket_message_seq start with 1 increment by 50;
create table ticket_message (
  id          bigint primary key,
  ticket_id   bigint not null references ticket (id) on delete cascade,
  kind        varchar(20) not null,
  author_type varchar(20) not null,
  author_id   bigint,
  author_name varchar(200) not null,
  channel     varchar(20) not null,
  body_text   text not null,
  body_html   text,
  delivery    varchar(20) not null,
  created_at  timestamp with time zone not null
);
create index ticket_message_ticket_idx on ticket_message (ticket_id, created_at);

create sequence ticket_attachment_seq start with 1 increment by 50;
create table ticket_attachment (
  id           bigint primary key,
  ticket_id    bigint not null references ticket (id) on delete cascade,
  message_id   bigint references ticket_message (id) on delete cascade,
  file_name    varchar(255) not null,
  content_type varchar(200) not null,
  size_bytes   bigint not null,
  sha256       varchar(64) not null,
  created_at   timestamp with time zone not null
);
create index ticket_attachment_message_idx on ticket_attachment (message_id);
create index ticket_attachment_ticket_idx on ticket_attachment (ticket_id);

create sequence ticket_history_seq start with 1 increment by 50;
create table ticket_history (
  id         bigint primary key,
  ticket_id  bigint not null references ticket (id) on delete cascade,
  at         timestamp with time zone not null,
  actor_type varchar(20) not null,
  actor_id   bigint,
  actor_name varchar(200) not null,
  field      varchar(40) not null,
  old_value  varchar(1000),
  new_value  varchar(1000)
);
create index ticket_history_ticket_idx on ticket_history (ticket_id, at);
