-- The FTOP task catalog: one row per template version (playbook: Approach, FTOP tasks, Uncategorised tasks).
create table task_template (
    id               uuid primary key,
    template_key     varchar(300)  not null,
    template_version integer       not null,
    ftop_task_id     integer       not null check (ftop_task_id > 0),
    name             varchar(500)  not null,
    mandatory        boolean       not null,
    fasttrack_role   varchar(100)  not null,
    all_services     boolean       not null,
    -- workload codes as ",OD,SPO," so that a service filter is a plain LIKE
    services         varchar(500)  not null,
    service_names    varchar(1000) not null,
    process          varchar(200)  not null,
    phase            varchar(50),
    section          varchar(200)  not null,
    due_offset_days  integer       not null check (due_offset_days >= 0),
    status           varchar(20)   not null,
    latest           boolean       not null,
    version          bigint        not null,
    created_at       timestamptz   not null,
    published_at     timestamptz,
    retired_at       timestamptz,
    unique (template_key, template_version)
);
create unique index task_template_one_latest on task_template (template_key) where latest;
create unique index task_template_one_published on task_template (template_key) where status = 'PUBLISHED';
create index task_template_process on task_template (process, status);

-- What this service knows of each engagement, from EngagementCreated and later events.
create table engagement_ref (
    engagement_id      uuid primary key,
    partner_id         varchar(100) not null,
    customer_name      varchar(200),
    intended_services  varchar(500) not null,
    check_in_cadence   varchar(20),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- Every engagement's tasks; a task whose service was removed is retired, never deleted.
create table task_instance (
    id                  uuid primary key,
    version             bigint        not null,
    engagement_id       uuid          not null references engagement_ref (engagement_id),
    partner_id          varchar(100)  not null,
    dedupe_key          varchar(300)  not null,
    kind                varchar(20)   not null,
    template_id         uuid references task_template (id),
    template_version    integer,
    ftop_task_id        integer,
    name                varchar(500)  not null,
    mandatory           boolean       not null,
    fasttrack_role      varchar(100)  not null,
    section             varchar(200)  not null,
    status              varchar(20)   not null,
    status_reason       varchar(2000),
    assignee            varchar(200),
    due_date            date,
    notes               varchar(4000),
    completed_at        timestamptz,
    completed_by        varchar(200),
    completed_by_event  uuid,
    retired_at          timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    unique (engagement_id, dedupe_key)
);
create index task_instance_engagement on task_instance (engagement_id, due_date);
create index task_instance_assignee on task_instance (partner_id, assignee, due_date) where retired_at is null;
