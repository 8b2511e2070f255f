-- Axon's JDBC storage engine appends without a global index and lets the table number the event; the JPA engine asked
-- the sequence in a statement of its own before every insert. The same sequence, one at a time, so positions stay dense.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
