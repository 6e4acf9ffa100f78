-- Points lifecycle (issue #4): lots, pending points, expiry, debt, merges.

-- A programme's debt policy may let a clawback take the available balance below zero; the audit checks
-- the policy's limit instead of this constraint.
alter table member_balance drop constraint member_balance_available_not_negative;
-- The earliest moment something of the member's falls due (a release, an expiry): a lower bound kept
-- without reading lots, exact after each settlement. The jobs find due members by it.
alter table member_balance add column next_due_at timestamp with time zone;
-- Under "N months without activity": the months, and when the member's points expire without activity.
alter table member_balance add column inactivity_months integer;
alter table member_balance add column inactivity_deadline timestamp with time zone;
-- Set once the account was merged into another: writes to it go to that one.
alter table member_balance add column merged_into varchar(36);
create index member_balance_due on member_balance (program_id, next_due_at);

-- Signed change of the member's pending points, and their pending balance right after the entry.
alter table journal_entry add column pending_points bigint default 0 not null;
alter table journal_entry add column pending_after bigint default 0 not null;
create index journal_entry_by_correction on journal_entry (program_id, corrects_entry_id);
-- The liability report sums entries by period.
create index journal_entry_by_time on journal_entry (program_id, created_at);

-- A quantity of points credited together. Changed only under the lock of its member's balance row.
create table point_lot (
    program_id      varchar(36) not null,
    id              varchar(36) not null,
    member_id       varchar(36) not null,
    -- the entry that credited it (for an earning, the lot's id is the entry's)
    entry_id        varchar(36) not null,
    points          bigint      not null,
    remaining       bigint      not null,
    pending         boolean     not null,
    earned_at       timestamp with time zone not null,
    -- pending: when it becomes available (null while the order waits for fulfilment)
    available_at    timestamp with time zone,
    -- the midnight after its last day, in the programme's time zone (null: no date of its own)
    expires_at      timestamp with time zone,
    expires_on      date,
    on_inactivity   boolean     not null,
    expired         bigint      not null,
    expiry_entry_id varchar(36),
    primary key (program_id, id),
    constraint point_lot_remaining_not_negative check (remaining >= 0)
);

create index point_lot_by_member on point_lot (program_id, member_id, remaining);

-- What each entry took from each lot (negative: gave back). A lot's remaining points are its points less
-- these and less what expired: the audit checks it, so no lot is ever consumed twice.
create table lot_consumption (
    program_id varchar(36) not null,
    entry_id   varchar(36) not null,
    lot_id     varchar(36) not null,
    points     bigint      not null,
    primary key (program_id, entry_id, lot_id)
);

create index lot_consumption_by_lot on lot_consumption (program_id, lot_id);

-- Accounts merged into another: the survivor's history includes theirs, through merges of merges too.
create table member_merge (
    program_id  varchar(36) not null,
    survivor_id varchar(36) not null,
    absorbed_id varchar(36) not null,
    merged_at   timestamp with time zone not null,
    primary key (program_id, survivor_id, absorbed_id)
);

-- Points available before lots existed become one lot per member, never expiring: balances stay equal
-- to their open lots.
insert into point_lot (program_id, id, member_id, entry_id, points, remaining, pending, earned_at, available_at,
                       expires_at, expires_on, on_inactivity, expired, expiry_entry_id)
select b.program_id, b.member_id, b.member_id,
       coalesce((select max(e.id) from journal_entry e where e.program_id = b.program_id and e.member_id = b.member_id),
                b.member_id),
       b.available, b.available, false, b.updated_at, null, null, null, false, 0, null
from member_balance b where b.available > 0;
