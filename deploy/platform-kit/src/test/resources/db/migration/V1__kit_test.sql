-- A consumer's own tables in the kit's test app: engagements it knows, and the effects it applied, in order.
create table kit_engagement (id uuid primary key);
create table kit_effect (
    seq        bigint generated always as identity primary key,
    event_id   uuid         not null,
    engagement uuid         not null,
    note       varchar(200) not null
);
-- A partner-owned entity of the test app: what the partner filter must keep apart.
create table kit_note (
    id         uuid primary key,
    partner_id varchar(100) not null,
    text       varchar(200) not null
);
