-- Resource links of the playbook ("Resource links" of each Approach section) and per-engagement resource packs.
create table resource_link (
    id                  uuid primary key,
    version             bigint        not null,
    title               varchar(300)  not null,
    title_ja            varchar(300),
    address             varchar(2048) not null,
    description         varchar(2000),
    section             varchar(40)   not null,
    services            jsonb         not null,   -- workload codes; [] = every service
    audience            jsonb         not null,
    kind                varchar(20)   not null,
    language            varchar(20)   not null,
    tags                jsonb         not null,
    eligible_only       boolean       not null default false,
    status              varchar(20)   not null,
    retired_reason      varchar(2000),
    retired_at          timestamptz,
    replacement_id      uuid references resource_link (id),
    last_check_at       timestamptz,
    last_check_status   integer,
    last_check_error    varchar(500),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);
create index resource_link_section on resource_link (section, title);
create index resource_link_status on resource_link (status);
create index resource_link_services on resource_link using gin (services);
create index resource_link_tags on resource_link using gin (tags);

-- Read model of engagement-service's events: what a pack is built from.
create table engagement_read (
    engagement_id          uuid primary key,
    partner_id             varchar(100) not null,
    customer_name          varchar(200),
    intended_services      jsonb        not null,
    eligible               boolean,
    eligibility_benefit    varchar(60),
    eligibility_rules      varchar(200),
    workshop_completed_at  timestamptz,
    pack_version           bigint       not null default 0,
    last_event_at          timestamptz  not null,
    updated_at             timestamptz  not null
);

create table resource_pack_item (
    engagement_id  uuid          not null references engagement_read (engagement_id),
    resource_id    uuid          not null references resource_link (id),
    section        varchar(40)   not null,
    reason         varchar(1000) not null,
    added_at       timestamptz   not null,
    primary key (engagement_id, resource_id)
);
create index resource_pack_item_resource on resource_pack_item (resource_id);
