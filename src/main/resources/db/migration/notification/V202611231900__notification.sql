-- Templates admins have edited; a kind and language without a row uses the template shipped with the product.
create table notification_template (
    kind        varchar(40)  not null,
    language    varchar(8)   not null,
    subject     varchar(300) not null,
    body        text         not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(200),
    primary key (kind, language)
);

-- Every notice we decided to send (or not to send, with the reason), shown on the ticket.
create sequence notification_seq start with 1 increment by 1;
create table notification (
    id           bigint       not null primary key,
    dedupe_key   varchar(200) not null,
    ticket_id    bigint,
    customer_id  bigint,
    kind         varchar(40)  not null,
    audience     varchar(20)  not null,
    recipient    varchar(320),
    language     varchar(8)   not null,
    outbox_id    bigint,
    suppressed   varchar(40),
    created_at   timestamp with time zone not null,
    constraint notification_dedupe_key unique (dedupe_key)
);
create index notification_ticket on notification (ticket_id, created_at);
create index notification_customer_kind on notification (customer_id, kind, created_at);

-- One row per customer we have written to: notices to one customer lock it, so that the hourly limit on
-- acknowledgements holds when several are decided at once.
create table notification_recipient (
    customer_id  bigint not null primary key
);
