-- Read model of ssat-service's success plan (SuccessPlanActionChanged, SuccessChecklistChanged): the overview and check-ins.
create table success_plan_progress (
    engagement_id                   uuid primary key,
    actions_total                   integer     not null default 0,
    actions_done                    integer     not null default 0,
    actions_open                    integer     not null default 0,
    actions_blocked                 integer     not null default 0,
    actions_overdue                 integer     not null default 0,
    percent_done                    integer     not null default 0,
    plan_changed_at                 timestamptz,
    checklist_version               integer,
    checklist_completeness_percent  integer,
    checklist_changed_at            timestamptz
);

-- Check-ins held (playbook: Next steps): who came, what was decided, and the plan and checklist state they reviewed.
create table check_in (
    id                              uuid primary key,
    engagement_id                   uuid          not null references engagement (id),
    held_on                         date          not null,
    attendees                       jsonb         not null,
    notes                           varchar(8000),
    decisions                       jsonb         not null,
    checklist_version               integer,
    checklist_completeness_percent  integer,
    plan_percent_done               integer,
    actions_open                    integer,
    actions_overdue                 integer,
    next_date                       date,
    recorded_by                     varchar(200)  not null,
    recorded_at                     timestamptz   not null
);
create index check_in_engagement on check_in (engagement_id, held_on desc, recorded_at desc);
