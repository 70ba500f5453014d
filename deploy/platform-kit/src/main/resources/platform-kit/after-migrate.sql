-- The platform kit's tables that a service's own V1 may have created before the kit existed (ssat-service's V1 made
-- parked_event): run by KitSchema (idempotent) after every Flyway migrate.
-- Events that came before their engagement (the kit's one order policy), applied when it arrives.
create table if not exists parked_event (
    event_id       uuid primary key,
    engagement_id  uuid         not null,
    type           varchar(200) not null,
    event_time     timestamptz  not null,
    data           jsonb        not null,
    parked_at      timestamptz  not null
);
create index if not exists parked_event_engagement on parked_event (engagement_id, event_time);
create index if not exists parked_event_parked on parked_event (parked_at);
