-- The outbox: every outgoing send is stored here in the transaction that decided it, then sent after commit by
-- whichever node claims it first (select … for update skip locked), retried with backoff, and recorded as sent or
-- failed. See docs/adr/0009-outbox-exactly-once.md.
create sequence outbox_entry_seq start with 1 increment by 1;
create table outbox_entry (
  id                bigint primary key,
  -- The caller's idempotency key ("ack:1042"): queuing the same key again queues nothing.
  send_key          varchar(200) not null unique,
  channel           varchar(20) not null,
  ticket_id         bigint,
  ticket_message_id bigint,
  -- Addresses one a line (a display name may hold a comma).
  recipients        varchar(4000) not null,
  cc                varchar(4000),
  subject           varchar(1000) not null,
  body_text         text not null,
  body_html         text,
  -- Given when queued and kept through every retry, so a mail sent twice (a crash between sending and recording)
  -- reaches the customer's mail system as the same message. Replies are matched to tickets by it.
  message_id        varchar(250) not null unique,
  in_reply_to       varchar(250),
  thread_references text,
  state             varchar(20) not null,
  attempts          int not null,
  -- When the entry is next due; while a node sends it, the end of that node's claim.
  next_attempt_at   timestamp with time zone not null,
  last_attempt_at   timestamp with time zone,
  last_error        varchar(2000),
  sent_at           timestamp with time zone,
  created_at        timestamp with time zone not null
);
create index outbox_entry_due_idx on outbox_entry (state, next_attempt_at);
create index outbox_entry_ticket_idx on outbox_entry (ticket_id, created_at);
