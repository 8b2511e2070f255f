-- Tamper evidence: every event appended to domain_event_entry is chained, in the same transaction, to the one before
-- it: hash = sha256(previous hash || content). The content is the event's stored fields, each as a 4-byte big-endian
-- length and its bytes (length -1 for null); docs/audit.md defines it and AuditChain recomputes it in Java.
-- The chain head is one row, locked by each append, so appends are serialized and the chain has one order.

create table event_chain_head (
    singleton boolean primary key default true check (singleton),
    position  bigint  not null,
    hash      bytea   not null
);
insert into event_chain_head (singleton, position, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

create table event_chain (
    position         bigint       not null primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null,
    previous_hash    bytea        not null,
    hash             bytea        not null
);

create function audit_field(value bytea) returns bytea language sql immutable as $$
    select case when value is null then int4send(-1) else int4send(length(value)) || value end
$$;

create function audit_text(value text) returns bytea language sql immutable as $$
    select audit_field(convert_to(value, 'UTF8'))
$$;

create function audit_content(e domain_event_entry) returns bytea language sql immutable as $$
    select audit_text(e.global_index::text) || audit_text(e.event_identifier) || audit_text(e.aggregate_identifier)
        || audit_text(e.sequence_number::text) || audit_text(e.type) || audit_text(e.time_stamp)
        || audit_text(e.payload_type) || audit_text(e.payload_revision) || audit_field(e.payload)
        || audit_field(e.meta_data)
$$;

create function audit_append(e domain_event_entry) returns void language plpgsql as $$
declare
    head event_chain_head%rowtype;
    next_hash bytea;
begin
    select * into head from event_chain_head where singleton for update;
    next_hash := sha256(head.hash || audit_content(e));
    insert into event_chain (position, global_index, event_identifier, previous_hash, hash)
    values (head.position + 1, e.global_index, e.event_identifier, head.hash, next_hash);
    update event_chain_head set position = head.position + 1, hash = next_hash where singleton;
end
$$;

create function audit_chain_event() returns trigger language plpgsql as $$
begin
    perform audit_append(new);
    return new;
end
$$;

-- before the insert, so the head lock is taken before the row's unique checks: two appends cannot deadlock
create trigger audit_chain before insert on domain_event_entry for each row execute function audit_chain_event();

-- events stored before this migration are chained in global order
do $$
declare
    e domain_event_entry;
begin
    for e in select * from domain_event_entry order by global_index loop
        perform audit_append(e);
    end loop;
end
$$;
