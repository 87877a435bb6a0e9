-- New tickets waiting for their acknowledgement: noted in the ticket's own transaction, acknowledged in batches by a
-- worker after it commits (docs/adr/0022-acknowledgements-from-a-queue.md). A ticket opens once, so one row each.
create table acknowledgement_pending (
    ticket_id   bigint  not null primary key,
    attempts    integer not null,
    due_at      timestamp with time zone not null,
    last_error  varchar(2000)
);
create index acknowledgement_pending_due on acknowledgement_pending (due_at, ticket_id);
