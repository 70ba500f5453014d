-- Short-lived, single-use tickets that let a browser's EventSource (which cannot send Authorization) open a live stream.
-- Only the SHA-256 of a ticket is kept; a redeemed or expired one is deleted.
create table stream_ticket (
    ticket_hash  varchar(64)  primary key,
    partner_id   varchar(100) not null,
    subject      varchar(200) not null,
    roles        varchar(500) not null,
    expires_at   timestamptz  not null
);
create index stream_ticket_expires on stream_ticket (expires_at);
