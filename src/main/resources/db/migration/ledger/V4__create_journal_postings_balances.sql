-- Append-only: entries and postings are never updated or deleted; a correction is a new entry that
-- names the one it corrects.
create table journal_entry (
    id                varchar(36)  primary key,
    program_id        varchar(36)  not null,
    member_id         varchar(36),
    kind              varchar(20)  not null,
    -- signed change of the member's available points, and their balance right after it
    points            bigint       not null,
    available_after   bigint       not null,
    shortfall         bigint       not null,
    cause_type        varchar(30)  not null,
    cause_ref         varchar(200),
    event_id          varchar(36),
    reason            varchar(500),
    actor             varchar(200),
    corrects_entry_id varchar(36),
    created_at        timestamp with time zone not null
);

create index journal_entry_by_member on journal_entry (program_id, member_id, id);

-- An entry's postings sum to zero.
create table posting (
    entry_id   varchar(36) not null,
    line       smallint    not null,
    program_id varchar(36) not null,
    account    varchar(40) not null,
    member_id  varchar(36),
    amount     bigint      not null,
    primary key (entry_id, line)
);

create index posting_by_account on posting (program_id, account, member_id);

-- Materialised from postings in the same transaction; the audit checks that they always agree.
create table member_balance (
    program_id      varchar(36) not null,
    member_id       varchar(36) not null,
    available       bigint      not null,
    pending         bigint      not null,
    lifetime_earned bigint      not null,
    updated_at      timestamp with time zone not null,
    primary key (program_id, member_id),
    constraint member_balance_available_not_negative check (available >= 0)
);
