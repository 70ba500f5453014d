-- SSAT matrix of each engagement (playbook: Capture SSAT, Outcomes): intended service x success factor.
create table ssat_matrix (
    engagement_id            uuid primary key,
    version                  bigint       not null,
    partner_id               varchar(100) not null,
    customer_name            varchar(200),
    services_changed_at      timestamptz,
    snapshot                 jsonb,
    snapshot_taken_at        timestamptz,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null
);
create index ssat_matrix_partner on ssat_matrix (partner_id, created_at desc);

-- One row per intended service; a removed service is retired (kept, excluded from readiness), never deleted.
create table ssat_service (
    id                         uuid primary key,
    engagement_id              uuid         not null references ssat_matrix (engagement_id),
    workload                   varchar(20)  not null,
    no_prerequisites_reason    varchar(2000),
    no_prerequisites_by        varchar(200),
    no_prerequisites_at        timestamptz,
    added_at                   timestamptz  not null,
    retired_at                 timestamptz,
    unique (engagement_id, workload)
);

create table ssat_factor_state (
    id          uuid primary key,
    service_id  uuid          not null references ssat_service (id),
    factor      varchar(20)   not null,
    status      varchar(20)   not null,
    gap         varchar(2000),
    reason      varchar(2000),
    owner       varchar(200),
    changed_by  varchar(200),
    changed_at  timestamptz,
    unique (service_id, factor)
);

-- Success metrics per service (playbook: Measuring success) and their measurements over time.
create table success_metric (
    id             uuid primary key,
    version        bigint        not null,
    engagement_id  uuid          not null references ssat_matrix (engagement_id),
    workload       varchar(20)   not null,
    kind           varchar(30)   not null,
    name           varchar(200)  not null,
    unit           varchar(40),
    baseline       numeric(14,4) not null,
    target         numeric(14,4) not null,
    due_date       date,
    owner          varchar(200),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);
create index success_metric_engagement on success_metric (engagement_id, workload);

create table metric_measurement (
    id           uuid primary key,
    metric_id    uuid          not null references success_metric (id) on delete cascade,
    value        numeric(14,4) not null,
    measured_at  timestamptz   not null,
    source       varchar(200),
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null
);
create index metric_measurement_metric on metric_measurement (metric_id, measured_at desc);

-- Events about an engagement not seen yet wait here and are applied when EngagementCreated arrives.
create table parked_event (
    event_id       uuid primary key,
    engagement_id  uuid         not null,
    type           varchar(200) not null,
    event_time     timestamptz  not null,
    data           jsonb        not null,
    parked_at      timestamptz  not null
);
create index parked_event_engagement on parked_event (engagement_id, event_time);
