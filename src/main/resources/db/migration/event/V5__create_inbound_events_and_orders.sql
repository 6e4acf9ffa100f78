-- Every accepted event, as received: the record of what the stores said.
create table inbound_event (
    id              varchar(36)  primary key,
    program_id      varchar(36)  not null,
    store_id        varchar(36)  not null,
    type            varchar(80)  not null,
    occurred_at     timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    member_id       varchar(36),
    order_id        varchar(200),
    idempotency_key varchar(255) not null,
    payload         text         not null
);

create index inbound_event_by_member on inbound_event (program_id, member_id, id);

-- Orders as far as points are concerned: what they earned and what refunds took back.
create table store_order (
    program_id         varchar(36)  not null,
    store_id           varchar(36)  not null,
    order_id           varchar(200) not null,
    member_id          varchar(36),
    status             varchar(20)  not null,
    currency           char(3),
    total_minor        bigint       not null,
    refunded_minor     bigint       not null,
    earned_points      bigint       not null,
    clawed_back_points bigint       not null,
    earn_entry_id      varchar(36),
    updated_at         timestamp with time zone not null,
    primary key (program_id, store_id, order_id)
);

create table store_order_line (
    program_id        varchar(36)  not null,
    store_id          varchar(36)  not null,
    order_id          varchar(200) not null,
    line_no           integer      not null,
    sku               varchar(100) not null,
    category          varchar(100),
    brand             varchar(100),
    quantity          integer      not null,
    unit_price_minor  bigint       not null,
    refunded_quantity integer      not null,
    primary key (program_id, store_id, order_id, line_no)
);
