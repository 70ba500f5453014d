
-- Conventions shared by the four services: outbox, inbox, idempotency keys.
create table outbox_event (
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
create index outbox_event_pending on outbox_event (seq) where sent_at is null;

create table inbox_event (
    event_id      uuid primary key,
    type          varchar(200) not null,
    subject       varchar(100) not null,
    processed_at  timestamptz  not null
);

create table idempotency_record (
    scope         varchar(100) not null,
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    location      varchar(500),
    body          text         not null,
    created_at    timestamptz  not null,
    primary key (scope, idem_key)
);
