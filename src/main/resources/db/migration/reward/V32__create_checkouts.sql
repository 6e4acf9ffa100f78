-- A checkout reserves codes and points for one order of a store until it is paid (redeemed), released,
-- or its time runs out. open_order_id is the order id while the checkout holds anything and null once
-- closed: an order has at most one open checkout, and the order.paid hot path finds it by index.
create table checkout (
    id                 varchar(36)  primary key,
    program_id         varchar(36)  not null,
    store_id           varchar(36)  not null,
    order_id           varchar(200) not null,
    open_order_id      varchar(200),
    member_id          varchar(36),
    status             varchar(20)  not null,
    currency           char(3)      not null,
    -- the cart and what it got (codes and their discounts, points and their value), as JSON
    cart               text         not null,
    outcome            text         not null,
    points             bigint       not null,
    -- points given back by refunds after payment (a share of points for each refunded share of the order)
    restored_points    bigint       not null,
    spend_entry_id     varchar(36),
    restore_entry_id   varchar(36),
    created_at         timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    closed_at          timestamp with time zone,
    close_reason       varchar(30),
    constraint checkout_open_order_unique unique (program_id, store_id, open_order_id)
);

create index checkout_by_order on checkout (program_id, store_id, order_id);
create index checkout_due on checkout (status, expires_at);

-- The codes a checkout holds; releasing it gives each use back.
create table checkout_code (
    checkout_id  varchar(36) not null,
    program_id   varchar(36) not null,
    code         varchar(60) not null,
    campaign_id  varchar(36) not null,
    primary key (checkout_id, code)
);

-- Limits read the reservations that expired but were not swept yet, by code or by member.
create index checkout_code_by_code on checkout_code (program_id, code);
create index checkout_by_member on checkout (program_id, member_id, status);
