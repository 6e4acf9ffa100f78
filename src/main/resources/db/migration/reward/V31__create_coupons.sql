-- A campaign is the terms of its coupons: a shared promo code, a batch of unique codes, the coupons a
-- reward issues, or the next-order coupon.
create table coupon_campaign (
    id          varchar(36)  primary key,
    program_id  varchar(36)  not null,
    kind        varchar(20)  not null,
    definition  text         not null,
    active      boolean      not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create index coupon_campaign_by_programme on coupon_campaign (program_id, id);

-- One row per code, kept narrow: a campaign of a million codes is a million of these. The code is
-- stored normalised (upper case, no dashes). Validity and owner are null where the campaign decides.
create table coupon (
    program_id  varchar(36) not null,
    code        varchar(60) not null,
    campaign_id varchar(36) not null,
    member_id   varchar(36),
    -- uses counts reservations and redemptions; it never exceeds max_uses (null: unlimited)
    max_uses    bigint,
    uses        bigint      not null,
    valid_from  timestamp with time zone,
    valid_until timestamp with time zone,
    revoked     boolean     not null default false,
    primary key (program_id, code)
);

-- Uses of a campaign by each member, for per-member limits.
create table coupon_member_use (
    program_id  varchar(36) not null,
    campaign_id varchar(36) not null,
    member_id   varchar(36) not null,
    uses        bigint      not null,
    primary key (program_id, campaign_id, member_id)
);

-- Next-order coupons by the order that earned them, so that a cancelled order takes its coupon back.
create table order_coupon (
    program_id varchar(36)  not null,
    store_id   varchar(36)  not null,
    order_id   varchar(200) not null,
    member_id  varchar(36)  not null,
    code       varchar(60)  not null,
    primary key (program_id, store_id, order_id)
);

create index order_coupon_by_member on order_coupon (program_id, member_id);
