-- Fields an administrator adds to every customer's card (a contract number, a renewal date, a tariff), and their
-- values. Values are stored as text in one canonical form per type: numbers as plain decimals, dates as yyyy-mm-dd,
-- choices as the option's text. Options of a CHOICE field are stored one per line.
create sequence customer_field_seq start with 1 increment by 1;
create table customer_field (
  id         bigint primary key,
  code       varchar(40) not null unique,
  name       varchar(200) not null,
  field_type varchar(20) not null,
  options    varchar(4000),
  position   int not null,
  created_at timestamp with time zone not null
);

create table customer_field_value (
  customer_id bigint not null references customer (id),
  field_id    bigint not null references customer_field (id),
  field_value varchar(1000) not null,
  primary key (customer_id, field_id)
);
create index customer_field_value_field_idx on customer_field_value (field_id);
