-- Inbound idempotency by the CloudEvents identity, source together with id: two senders may use the same id.
-- Rows from before keep source '' (not recorded); the service matches such a row on its id alone, so a redelivery
-- of a message processed before this migration is still recognised.
alter table processed_message add column source varchar(255) not null default '';
alter table processed_message alter column source drop default;
alter table processed_message drop constraint processed_message_pkey;
alter table processed_message add primary key (source, message_id);
