-- The catalogue: what points buy. The definition (texts in French and English, images, window, tiers,
-- limits, what the reward gives) is JSON; what redemptions guard under concurrency is in columns.
create table reward (
    id          varchar(36) primary key,
    program_id  varchar(36) not null,
    kind        varchar(30) not null,
    cost_points bigint      not null,
    definition  text        not null,
    -- the coupon campaign holding the terms of the coupons this reward issues (coupon kinds only)
    campaign_id varchar(36),
    -- null: unlimited; otherwise redeemed never exceeds it (a guarded update, never read-then-write)
    stock       bigint,
    redeemed    bigint      not null,
    active      boolean     not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create index reward_by_programme on reward (program_id, id);

-- How many times each member redeemed each reward, for per-member limits (a guarded update too).
create table reward_member_use (
    program_id varchar(36) not null,
    reward_id  varchar(36) not null,
    member_id  varchar(36) not null,
    redeemed   bigint      not null,
    primary key (program_id, reward_id, member_id)
);

-- A member's redemption: the points it cost (the ledger's spend entry) and what it gave: a coupon, a
-- gift to ship to an address, a partner's reward, a donation.
create table redemption (
    id               varchar(36)  primary key,
    program_id       varchar(36)  not null,
    reward_id        varchar(36)  not null,
    member_id        varchar(36)  not null,
    kind             varchar(30)  not null,
    points           bigint       not null,
    status           varchar(20)  not null,
    spend_entry_id   varchar(36)  not null,
    restore_entry_id varchar(36),
    coupon_code      varchar(60),
    -- the reward as it was redeemed (names, value), and the shipping address of a gift, as JSON
    details          text         not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create index redemption_by_member on redemption (program_id, member_id, id);

-- A programme's checkout settings: points as payment and the next-order coupon campaign, if any.
create table reward_settings (
    program_id             varchar(36) primary key,
    points_payment         text,
    next_order_campaign_id varchar(36),
    updated_at             timestamp with time zone not null
);
