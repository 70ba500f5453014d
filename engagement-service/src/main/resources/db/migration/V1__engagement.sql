-- Engagements of FastTrack Customer Success Workshops (playbook: Overview, Prerequisites, Outcomes).
create table engagement (
    id                              uuid primary key,
    version                         bigint       not null,
    partner_id                      varchar(100) not null,
    customer_name                   varchar(200) not null,
    customer_tenant_id              varchar(100),
    fasttrack_manager               varchar(200) not null,
    licence_count                   integer      not null check (licence_count >= 0),
    enterprise                      boolean      not null,
    enrolled_in_adoption_benefit    boolean      not null,
    phase                           varchar(20)  not null,
    status                          varchar(20)  not null,
    dibs_due_date                   date,
    dibs_intent                     varchar(2000),
    dibs_business_reason            varchar(80),
    dibs_success_owner              varchar(200),
    kickoff_completed_at            timestamptz,
    workshop_state                  varchar(20)  not null,
    workshop_starts_at              timestamptz,
    workshop_duration_minutes       integer,
    workshop_attendees              jsonb,
    workshop_agenda                 jsonb,
    workshop_outcomes               jsonb,
    workshop_completed_at           timestamptz,
    workshop_cancel_reason          varchar(2000),
    check_in_cadence                varchar(20),
    check_in_next_date              date,
    check_in_attendees              jsonb,
    created_at                      timestamptz  not null,
    updated_at                      timestamptz  not null
);
create index engagement_partner_created on engagement (partner_id, created_at desc);

-- The FTOP Services tab: one row per intended service; a removed service is retired, never deleted.
create table intended_service (
    id               uuid primary key,
    engagement_id    uuid         not null references engagement (id),
    workload         varchar(20)  not null,
    l1_status        varchar(30)  not null,
    l2_status        varchar(80),
    target_date      date,
    owner            varchar(200),
    notes            varchar(2000),
    next_action      varchar(500),
    next_action_date date,
    added_at         timestamptz  not null,
    removed_at       timestamptz,
    unique (engagement_id, workload)
);
create index intended_service_workload on intended_service (workload) where removed_at is null;

create table eligibility_decision (
    id             uuid primary key,
    engagement_id  uuid         not null references engagement (id),
    benefit        varchar(60)  not null,
    eligible       boolean      not null,
    reasons        jsonb        not null,
    rules_version  varchar(100) not null,
    licence_count  integer      not null,
    enterprise     boolean      not null,
    decided_at     timestamptz  not null
);
create index eligibility_decision_engagement on eligibility_decision (engagement_id, decided_at desc);

create table timeline_entry (
    id             bigint generated always as identity primary key,
    engagement_id  uuid         not null references engagement (id),
    at             timestamptz  not null,
    actor          varchar(200) not null,
    kind           varchar(60)  not null,
    summary        varchar(2000) not null,
    event_id       uuid
);
create index timeline_entry_engagement on timeline_entry (engagement_id, id);

-- Read models kept from other services' events (ARCHITECTURE: no synchronous calls to decide).
create table ssat_readiness (
    engagement_id      uuid primary key,
    services_recorded  integer     not null,
    services_total     integer     not null,
    all_recorded       boolean     not null,
    missing_services   jsonb       not null,
    gaps               integer     not null default 0,
    last_event_at      timestamptz not null
);

create table task_progress (
    engagement_id   uuid primary key,
    mandatory_done  integer     not null,
    mandatory_total integer     not null,
    overdue         integer     not null,
    last_event_at   timestamptz not null
);
