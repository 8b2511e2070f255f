-- The deadline read model: the folded state of each deadline, with the columns queries filter and sort by.
create table deadline (
    ref     varchar(255) not null primary key,
    article varchar(255),
    status  varchar(255),
    due_at  timestamp(6) with time zone,
    state   jsonb
);
create index deadline_status_due on deadline (status, due_at);

-- db-scheduler's table for Axon's DbSchedulerDeadlineManager: each due moment waits here, so it survives a restart.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
