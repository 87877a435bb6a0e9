-- Why the last try to deliver a public reply failed (shown on the message); empty once it is sent.
alter table ticket_message add column delivery_problem varchar(1000);
