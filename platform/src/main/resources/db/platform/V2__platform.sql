-- Inbound idempotency: the id of every message whose effect was applied, written in the same transaction.
create table processed_message (
    message_id   varchar(255) not null primary key,
    topic        varchar(255),
    type         varchar(255),
    processed_at timestamp(6) with time zone
);

-- The commitment register: the folded state of each commitment this service owns.
create table commitment_register (
    ref             varchar(255) not null primary key,
    reported_status varchar(255),
    state           jsonb
);
