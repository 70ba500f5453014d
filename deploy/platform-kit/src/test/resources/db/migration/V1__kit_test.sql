-- A consumer's own tables in the kit's test app: engagements it knows, and the effects it applied, in order.
create table kit_engagement (id uuid primary key);
create table kit_effect (
    seq        bigint generated always as identity primary key,
    event_id   uuid         not null,
    engagement uuid         not null,
    note       varchar(200) not null
);
