-- Who a notice went to in copy (a ticket's followers on a public reply), addresses one a line.
alter table notification add column cc varchar(4000);
