-- Tickets by the time they were opened, newest first: a policy's dry run reads the tickets of the last days
-- (TicketTrails.createdSince) without walking the whole table.
create index ticket_created_idx on ticket (created_at, id);
