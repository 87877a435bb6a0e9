-- Staff accounts, API tokens and the audit log.
create sequence user_account_seq start with 1 increment by 50;
create table user_account (
  id              bigint primary key,
  login           varchar(320) not null unique,
  display_name    varchar(200) not null,
  password_hash   varchar(200) not null,
  role            varchar(20) not null,
  locale          varchar(10),
  enabled         boolean not null,
  failed_sign_ins int not null,
  locked_until    timestamp with time zone,
  created_at      timestamp with time zone not null,
  version         bigint not null
);

create sequence api_token_seq start with 1 increment by 50;
create table api_token (
  id           bigint primary key,
  user_id      bigint not null references user_account (id),
  name         varchar(100) not null,
  token_hash   varchar(64) not null unique,
  hint         varchar(16) not null,
  created_at   timestamp with time zone not null,
  last_used_at timestamp with time zone,
  revoked_at   timestamp with time zone
);
create index api_token_user_idx on api_token (user_id);

create sequence audit_event_seq start with 1 increment by 50;
create table audit_event (
  id             bigint primary key,
  at             timestamp with time zone not null,
  actor          varchar(320),
  action         varchar(60) not null,
  detail         varchar(1000),
  remote_address varchar(64)
);
create index audit_event_at_idx on audit_event (at);
