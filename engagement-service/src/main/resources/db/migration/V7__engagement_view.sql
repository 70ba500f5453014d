-- GET engagement by id answers from here while the engagement is still at the version the body was rendered at: one
-- indexed read, no entity to hydrate, no JSON to write. A read that finds another version renders the view again.
create table engagement_view (
    id      uuid primary key references engagement (id) on delete cascade,
    version bigint not null,
    body    text   not null
);
