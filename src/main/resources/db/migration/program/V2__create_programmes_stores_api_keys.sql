create table programme (
    id             varchar(36)  primary key,
    name           varchar(200) not null,
    points_name    varchar(60)  not null,
    time_zone      varchar(60)  not null,
    default_locale varchar(10)  not null,
    created_at     timestamp with time zone not null
);

create table store (
    id             varchar(36)  primary key,
    program_id     varchar(36)  not null,
    code           varchar(60)  not null,
    name           varchar(200) not null,
    currency       char(3)      not null,
    earn_points    bigint       not null,
    earn_per_minor bigint       not null,
    earn_rounding  varchar(20)  not null,
    created_at     timestamp with time zone not null,
    constraint store_code_unique unique (program_id, code)
);

-- Keys are stored hashed; the prefix lets an operator recognise a key in a list.
create table api_key (
    id         varchar(36)  primary key,
    program_id varchar(36)  not null,
    store_id   varchar(36)  not null,
    key_hash   varchar(64)  not null,
    prefix     varchar(16)  not null,
    label      varchar(200),
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    constraint api_key_hash_unique unique (key_hash)
);
