-- Customers who follow a ticket besides its requester (people in CC of the email, or added by an agent): they
-- receive its public replies in copy. One row per person; the requester is never one of them. source: EMAIL_CC (in
-- CC of the email that opened the ticket), REPLY (joined the conversation later), AGENT (added by an agent).
create table ticket_follower (
  ticket_id   bigint not null references ticket (id) on delete cascade,
  customer_id bigint not null references customer (id),
  source      varchar(20) not null,
  added_at    timestamp with time zone not null,
  primary key (ticket_id, customer_id)
);
-- A merge moves a customer's rows to the one they were merged into.
create index ticket_follower_customer_idx on ticket_follower (customer_id);
