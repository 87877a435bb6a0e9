-- The public web form: the secret its stamps are signed with, and the receipts senders see after sending.
create table webform_key (
  name       varchar(40) primary key,
  secret     varchar(100) not null,
  created_at timestamp with time zone not null
);

-- A receipt is found by the SHA-256 of the random token in the sender's thank-you link.
create table webform_receipt (
  token_hash varchar(64) primary key,
  ticket_id  bigint not null references ticket (id) on delete cascade,
  reference  varchar(40) not null,
  subject    varchar(500) not null,
  created_at timestamp with time zone not null
);
create index webform_receipt_ticket_idx on webform_receipt (ticket_id);
