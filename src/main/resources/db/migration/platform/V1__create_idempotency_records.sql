-- Answers of idempotent writes, so that a retried request returns the first answer (DESIGN: data rules).
create table idempotency_record (
    program_id  varchar(36)  not null,
    scope       varchar(80)  not null,
    idem_key    varchar(255) not null,
    fingerprint varchar(64)  not null,
    response    text,
    created_at  timestamp with time zone not null,
    primary key (program_id, scope, idem_key)
);
