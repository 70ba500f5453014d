-- The customer's success plan (playbook: Outcomes): actions with owners and due dates, many proposed by SSAT gaps.
create table success_plan_action (
    id                  uuid primary key,
    version             bigint        not null,
    engagement_id       uuid          not null references ssat_matrix (engagement_id),
    title               varchar(200)  not null,
    description         varchar(4000),
    workload            varchar(20),
    factor              varchar(20),
    gap                 varchar(2000),
    owner_name          varchar(200),
    owner_organisation  varchar(200),
    owner_role          varchar(20),
    due_date            date,
    status              varchar(20)   not null,
    status_reason       varchar(2000),
    created_by          varchar(200)  not null,
    created_at          timestamptz   not null,
    changed_by          varchar(200)  not null,
    updated_at          timestamptz   not null
);
create index success_plan_action_engagement on success_plan_action (engagement_id, created_at);
-- At most one open proposal per service and factor: a changed gap updates it instead of proposing again.
create unique index success_plan_action_one_proposal on success_plan_action (engagement_id, workload, factor) where status = 'PROPOSED';

-- The success-plan checklist: one row per engagement, one per item; its revision is what a check-in records it reviewed.
create table success_checklist (
    engagement_id  uuid primary key references ssat_matrix (engagement_id),
    version        bigint       not null,
    revision       integer      not null,
    updated_at     timestamptz  not null
);
create table success_checklist_item (
    id             uuid primary key,
    engagement_id  uuid          not null references success_checklist (engagement_id),
    item           varchar(40)   not null,
    state          varchar(20)   not null,
    reason         varchar(2000),
    changed_by     varchar(200),
    changed_at     timestamptz,
    unique (engagement_id, item)
);
-- Engagements whose matrix exists before this migration get their checklist, every item open.
insert into success_checklist (engagement_id, version, revision, updated_at)
    select engagement_id, 0, 0, now() from ssat_matrix;
insert into success_checklist_item (id, engagement_id, item, state)
    select gen_random_uuid(), c.engagement_id, i.item, 'OPEN' from success_checklist c
    cross join (values ('SUCCESS_DEFINED'), ('STAKEHOLDERS_ENGAGED'), ('SCENARIOS_CHOSEN'), ('AWARENESS_PLAN'), ('TRAINING_PLAN'),
                       ('METRICS_BASELINED'), ('USAGE_REPORTS_IN_USE'), ('PLAN_IN_PROJECT_PLAN'), ('ACTIVITIES_IN_PROJECT_PLAN'),
                       ('OWNERS_NAMED')) as i (item);
