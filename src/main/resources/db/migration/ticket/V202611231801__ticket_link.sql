-- Links between tickets. FOLLOW_UP: ticket_id continues linked_ticket_id (a customer wrote again after the
-- linked ticket was closed). Read from both ends.
create table ticket_link (
  ticket_id        bigint not null references ticket (id) on delete cascade,
  linked_ticket_id bigint not null references ticket (id) on delete cascade,
  kind             varchar(20) not null,
  created_at       timestamp with time zone not null,
  primary key (ticket_id, linked_ticket_id, kind)
);
create index ticket_link_linked_idx on ticket_link (linked_ticket_id);

-- A customer allowed to follow their organization's tickets lists them by organization, latest first.
create index ticket_organization_updated_idx on ticket (organization_id, updated_at);
