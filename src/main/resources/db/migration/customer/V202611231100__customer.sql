-- Customers (requesters) and their organizations.
create sequence organization_seq start with 1 increment by 50;
create table organization (
  id         bigint primary key,
  name       varchar(200) not null,
  domain     varchar(200) unique,
  created_at timestamp with time zone not null
);

create sequence customer_seq start with 1 increment by 50;
create table customer (
  id              bigint primary key,
  name            varchar(200) not null,
  email           varchar(320) unique,
  phone           varchar(40),
  organization_id bigint references organization (id),
  created_at      timestamp with time zone not null,
  version         bigint not null
);
create index customer_phone_idx on customer (phone);
create index customer_organization_idx on customer (organization_id);
