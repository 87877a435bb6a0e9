-- A ticket's stored mails are looked up by ticket and channel (the mailbox replies leave from, the thread of our
-- replies). With only (ticket_id) and the unique (channel, …) index, PostgreSQL may AND both bitmaps and read every
-- row of the channel for each lookup when its statistics are stale, as they are during a burst of new mail.
drop index inbound_message_ticket_idx;
create index inbound_message_ticket_idx on inbound_message (ticket_id, channel, received_at);
-- A message moved to another ticket takes its stored original along (found by the ticket message).
create index inbound_message_ticket_message_idx on inbound_message (ticket_message_id);
