-- db-scheduler's table (issue #4): one row per scheduled job instance. A node claims a due row by
-- bumping its version, so each instance runs on one node; a node that dies stops its heartbeat and
-- another node runs the job again. Types chosen to mean the same on PostgreSQL and H2 (no TEXT keys).
create table scheduled_tasks (
    task_name            varchar(100)  not null,
    task_instance        varchar(200)  not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean       not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint        not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
