-- The platform kit's own tables, the same in every service's database: run by KitSchema (idempotent) before every
-- Flyway migrate, so they exist before a service's own first migration (the catalog's seed writes to the outbox).
-- parked_event follows in after-migrate.sql: ssat-service's V1 created it before the kit existed.
create table if not exists outbox_event (
    id           uuid primary key,
    seq          bigint generated always as identity,
    subject      varchar(100) not null,
    type         varchar(200) not null,
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      jsonb        not null,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(500)
);
alter table outbox_event add column if not exists trace_parent varchar(60);
create index if not exists outbox_event_pending on outbox_event (seq) where sent_at is null;
-- Retention deletes sent rows by age.
create index if not exists outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

create table if not exists inbox_event (
    event_id      uuid primary key,
    type          varchar(200) not null,
    subject       varchar(100) not null,
    processed_at  timestamptz  not null
);
create index if not exists inbox_event_processed on inbox_event (processed_at);

create table if not exists idempotency_record (
    scope         varchar(100) not null,
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    location      varchar(500),
    body          text         not null,
    created_at    timestamptz  not null,
    primary key (scope, idem_key)
);
create index if not exists idempotency_record_created on idempotency_record (created_at);
