-- Mailboxes the email channel reads over IMAP. The password is encrypted (AES-GCM, see SecretCipher); the sandbox
-- account keeps none: it always points at the running sandbox mail server. Health columns are written by the
-- poller after each fetch.
create sequence mail_account_seq start with 1 increment by 50;
create table mail_account (
  id               bigint primary key,
  name             varchar(200) not null unique,
  address          varchar(320) not null,
  host             varchar(255) not null,
  port             integer not null,
  security         varchar(10) not null,
  username         varchar(320) not null,
  password_secret  varchar(2000),
  folder           varchar(200) not null,
  poll_seconds     integer not null,
  enabled          boolean not null,
  sandbox          boolean not null,
  created_at       timestamp with time zone not null,
  last_fetch_at    timestamp with time zone,
  last_success_at  timestamp with time zone,
  last_error       varchar(2000),
  last_error_at    timestamp with time zone,
  fetched_count    bigint not null,
  failed_count     bigint not null,
  version          bigint not null
);
