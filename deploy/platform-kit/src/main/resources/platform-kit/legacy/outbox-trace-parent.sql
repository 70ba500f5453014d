-- The trace of the request that wrote an event travels with it through the outbox and Kafka.
alter table outbox_event add column trace_parent varchar(60);
