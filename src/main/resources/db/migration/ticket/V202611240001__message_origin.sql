-- Where a message came from, as its channel names it ("inbound:1042" — the stored original), and why it was put on
-- this ticket ("thread.in-reply-to|<id>"): agents see both next to the message.
alter table ticket_message add column origin varchar(100);
alter table ticket_message add column thread_reason varchar(1000);
