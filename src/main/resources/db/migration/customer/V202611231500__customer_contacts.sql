-- Every address a customer is known by: emails, phones, Telegram and VK ids. One address belongs to one customer,
-- so the pair (kind, address) is the key. Addresses are stored normalized: emails in lower case, phones as their
-- digits with a leading "+" when one was written, messenger ids as given. customer.email and customer.phone stay:
-- they hold the customer's primary email and phone as first written, which cards and lists show.
create table customer_contact (
  kind        varchar(20) not null,
  address     varchar(320) not null,
  customer_id bigint not null references customer (id),
  created_at  timestamp with time zone not null,
  primary key (kind, address)
);
create index customer_contact_customer_idx on customer_contact (customer_id);

insert into customer_contact (kind, address, customer_id, created_at)
select 'EMAIL', email, id, created_at from customer where email is not null;

-- Phones were not unique before: a number written by several customers goes to the first of them. The others keep
-- showing it as their primary phone until someone merges them or changes it.
insert into customer_contact (kind, address, customer_id, created_at)
select 'PHONE', normalized, id, created_at from (
  select c.id, c.created_at,
         case when trim(c.phone) like '+%' then '+' else '' end
           || regexp_replace(c.phone, '[^0-9]', '', 'g') as normalized,
         row_number() over (
           partition by regexp_replace(c.phone, '[^0-9]', '', 'g'), case when trim(c.phone) like '+%' then 1 else 0 end
           order by c.id) as n
  from customer c
  where c.phone is not null and regexp_replace(c.phone, '[^0-9]', '', 'g') <> ''
) phones
where n = 1;
