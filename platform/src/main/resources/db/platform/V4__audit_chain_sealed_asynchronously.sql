-- The audit chain without a lock in the append path (issue 13). V3 chained every event inside its append, under a
-- lock on the one head row, so every append of the service waited for the one before it to commit. Now an append
-- only queues its global index in event_unsealed, a row of its own that no other append touches; audit_seal, called
-- by the service's AuditSealer every few hundred milliseconds, chains the committed events of the queue (same hash,
-- same content, same genesis as V3) and takes them off it. docs/audit.md says what that leaves open, and for how long.

create table event_unsealed (
    global_index bigint not null primary key
);

drop trigger audit_chain on domain_event_entry;
drop function audit_chain_event();
-- the append-time chaining under the head lock: nothing may call it any more
drop function audit_append(domain_event_entry);

-- per statement, so a bulk insert (bench/ReplayBenchmark) queues its rows in one insert
create function audit_queue_appended() returns trigger language plpgsql as $$
begin
    insert into event_unsealed (global_index) select global_index from appended;
    return null;
end
$$;

create trigger audit_queue after insert on domain_event_entry
    referencing new table as appended for each statement execute function audit_queue_appended();

-- One sealer at a time per database, however many instances run: the advisory lock 418430314868 ('audit' in ASCII)
-- is held until the sealing transaction ends. The chain's order is the sealing order: global index order of what has
-- committed, so an event that commits after a higher global index was sealed is chained after it.
create function audit_seal(max_events integer) returns integer language plpgsql as $$
declare
    head event_chain_head%rowtype;
    e domain_event_entry;
    next_hash bytea;
    sealed integer := 0;
begin
    -- an idle round takes no lock and writes nothing (the head's row lock would cost a transaction id and WAL)
    if not exists (select 1 from event_unsealed) then
        return 0;
    end if;
    perform pg_advisory_xact_lock(418430314868);
    select * into head from event_chain_head where singleton for update;
    -- a queued index whose event row is gone stays queued: AuditChain.verify reports the deletion
    for e in select d.* from event_unsealed u join domain_event_entry d on d.global_index = u.global_index
             order by u.global_index limit max_events loop
        next_hash := sha256(head.hash || audit_content(e));
        insert into event_chain (position, global_index, event_identifier, previous_hash, hash)
        values (head.position + 1, e.global_index, e.event_identifier, head.hash, next_hash);
        delete from event_unsealed where global_index = e.global_index;
        head.position := head.position + 1;
        head.hash := next_hash;
        sealed := sealed + 1;
    end loop;
    if sealed > 0 then
        update event_chain_head set position = head.position, hash = head.hash where singleton;
    end if;
    return sealed;
end
$$;

-- V3's trigger chained every event, so nothing should be outside the chain; whatever is gets its seal now
insert into event_unsealed (global_index)
select e.global_index from domain_event_entry e
where not exists (select 1 from event_chain c where c.global_index = e.global_index);
