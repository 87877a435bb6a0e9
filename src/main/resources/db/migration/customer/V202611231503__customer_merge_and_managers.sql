-- An organization's manager may see all of its tickets. A customer merged into another keeps their row (old links
-- and ids still lead somewhere) but is no longer listed or found: merged_into names the customer they became.
alter table customer add column sees_organization_tickets boolean default false not null;
alter table customer add column merged_into bigint references customer (id);
alter table customer add column merged_at timestamp with time zone;
create index customer_merged_into_idx on customer (merged_into);
