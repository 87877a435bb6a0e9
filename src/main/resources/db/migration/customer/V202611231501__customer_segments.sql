-- Segments group customers for special treatment (VIP, partners); SLA policies and reports match on their names.
create sequence segment_seq start with 1 increment by 1;
create table segment (
  id         bigint primary key,
  name       varchar(60) not null unique,
  created_at timestamp with time zone not null
);

create table customer_segment (
  customer_id bigint not null references customer (id),
  segment_id  bigint not null references segment (id) on delete cascade,
  primary key (customer_id, segment_id)
);
create index customer_segment_segment_idx on customer_segment (segment_id);

insert into segment (id, name, created_at) values (nextval('segment_seq'), 'VIP', current_timestamp);
