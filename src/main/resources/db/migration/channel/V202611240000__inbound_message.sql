-- Every message a channel receives is stored here, raw, before anything else is done with it (design.md, "a
-- message's way through"). The same message arriving again (a second fetch after a crash, a redelivery, the same
-- mail posted twice) finds its row by (channel, account, external id) and is not stored or processed again.
-- Processing (filters, customer, thread, ticket) happens in one transaction that also moves the row to DONE, so a
-- message is either fully in a ticket or still waiting here. See docs/adr/0012-inbound-store-raw-first.md.
create sequence inbound_message_seq start with 1 increment by 1;
create table inbound_message (
  id                bigint primary key,
  channel           varchar(20) not null,
  account_id        bigint not null,
  -- The channel's id of the message: an email's Message-ID, or sha256:<hex> of the raw bytes when it has none.
  external_id       varchar(500) not null,
  -- How it reached us: IMAP, API (raw POST), GATE (the command-line mail gate), SMTP (sandbox).
  arrived_via       varchar(10) not null,
  raw               bytea not null,
  size_bytes        bigint not null,
  received_at       timestamp with time zone not null,
  -- RECEIVED (waiting to be processed), DONE, FAILED (gave up after retries; an admin can retry).
  state             varchar(20) not null,
  -- What processing did: TICKET_OPENED, ADDED_TO_TICKET, NOTE_ADDED, BOUNCE_RECORDED, DROPPED.
  outcome           varchar(30),
  -- Why: which header or rule decided it (a message key and its argument, "thread.in-reply-to|<id>").
  outcome_reason    varchar(1000),
  sender            varchar(320),
  subject           varchar(500),
  ticket_id         bigint,
  ticket_message_id bigint,
  attempts          int not null,
  next_attempt_at   timestamp with time zone not null,
  last_error        varchar(2000),
  processed_at      timestamp with time zone,
  constraint inbound_message_unique unique (channel, account_id, external_id)
);
-- Not a partial index (where state = 'RECEIVED'): H2, the embedded default, has none; state first serves the same.
create index inbound_message_due_idx on inbound_message (state, next_attempt_at);
create index inbound_message_external_idx on inbound_message (external_id);
create index inbound_message_ticket_idx on inbound_message (ticket_id);
create index inbound_message_received_idx on inbound_message (received_at desc);

-- Where the IMAP poller stands in each mailbox: messages above last_uid (within the same UIDVALIDITY) are new.
alter table mail_account add column uid_validity bigint;
alter table mail_account add column last_uid bigint;
