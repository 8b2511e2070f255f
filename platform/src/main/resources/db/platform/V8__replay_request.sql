-- A replay asked of one instance (platform/admin/ReplayRequests): while the request stands, the other instances of the
-- service leave the processor's segments unclaimed, so the asked instance can claim them all and reset the tokens.
-- One row per processor: a second request while one stands is refused.
create table replay_request (
    processor_name varchar(255) primary key,
    requested_by   varchar(255) not null,
    requested_at   timestamp with time zone not null
);
