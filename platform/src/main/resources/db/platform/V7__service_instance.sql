-- The running instances of this service, each seen at its last heartbeat: they share the event processors' segments
-- (platform/instances). The owner is the name Axon claims tokens with, so token_entry.owner points here.
create table service_instance (
    owner      varchar(255) primary key,
    started_at timestamp with time zone not null,
    seen_at    timestamp with time zone not null
);
