-- Customers' portal sign-in: an optional password and the preferred language per customer (by the customer
-- module's id, without a foreign key: identity does not know the customer table), and one-time sign-in links of
-- which only the SHA-256 of the token is kept.
create table customer_credential (
  customer_id     bigint primary key,
  password_hash   varchar(200),
  language        varchar(10),
  failed_sign_ins int not null,
  locked_until    timestamp with time zone,
  created_at      timestamp with time zone not null,
  version         bigint not null
);

create sequence customer_sign_in_link_seq start with 1 increment by 50;
create table customer_sign_in_link (
  id          bigint primary key,
  customer_id bigint not null,
  token_hash  varchar(64) not null unique,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null,
  used_at     timestamp with time zone
);
create index customer_sign_in_link_customer_idx on customer_sign_in_link (customer_id, created_at);
