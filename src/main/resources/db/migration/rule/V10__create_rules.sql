-- A rule is a stable id; what it does lives in its versions. Editing a rule adds a version and never
-- changes an old one, so that every earning can name the exact version that produced it.
create table rule (
    id              varchar(36)  primary key,
    program_id      varchar(36)  not null,
    -- the current version's trigger, for listing rules by trigger
    trigger_type    varchar(80)  not null,
    current_version integer      not null,
    active          boolean      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    deleted_at      timestamp with time zone
);

create index rule_by_programme on rule (program_id, id);

create table rule_version (
    id         varchar(36)  primary key,
    program_id varchar(36)  not null,
    rule_id    varchar(36)  not null,
    version    integer      not null,
    -- the rule's definition as JSON: name, trigger, condition, effect, limits, validity, priority
    definition text         not null,
    created_at timestamp with time zone not null,
    constraint rule_version_unique unique (program_id, rule_id, version)
);

-- The audit trail: who did what to a rule, when, and which fields an edit changed.
create table rule_change (
    id         varchar(36)  primary key,
    program_id varchar(36)  not null,
    rule_id    varchar(36)  not null,
    version    integer      not null,
    action     varchar(20)  not null,
    changed    varchar(500),
    actor      varchar(200) not null,
    created_at timestamp with time zone not null
);

create index rule_change_by_rule on rule_change (program_id, rule_id, id);

-- Bumped by every change of a programme's rules: nodes compare it with the revision they compiled.
create table rule_revision (
    program_id varchar(36) primary key,
    revision   bigint      not null
);

-- What a rule has given, where a limit needs to know: points per member and day ('day:2026-11-22') or
-- month ('month:2026-11'), points of the rule's lifetime budget (member '*', 'budget'), and times given
-- for once-only awards ('once', 'field:phone'). Rows are locked while an event uses them.
create table rule_usage (
    program_id varchar(36)  not null,
    rule_id    varchar(36)  not null,
    member_id  varchar(36)  not null,
    period     varchar(80)  not null,
    used       bigint       not null,
    primary key (program_id, rule_id, member_id, period)
);
