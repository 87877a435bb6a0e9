-- The auto-close job looks for solved tickets by the time they were solved.
create index ticket_status_solved_idx on ticket (status, solved_at);
