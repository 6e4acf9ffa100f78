create table member (
    id          varchar(36)  primary key,
    program_id  varchar(36)  not null,
    external_id varchar(200),
    email       varchar(320),
    -- lower-cased e-mail: look-ups and uniqueness ignore case, the member's own spelling is kept.
    email_key   varchar(320),
    phone       varchar(40),
    first_name  varchar(200),
    last_name   varchar(200),
    birth_date  date,
    locale      varchar(10),
    consents    text         not null,
    attributes  text         not null,
    enrolled_at timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint member_external_id_unique unique (program_id, external_id),
    constraint member_email_unique unique (program_id, email_key)
);

create index member_by_programme on member (program_id, id);
