-- A pack's items go in by one native statement while the engagement's new row still waits in the consumer's unit of
-- work (flushed once per batch of events, not before every pack): the reference to it is checked at commit.
alter table resource_pack_item alter constraint resource_pack_item_engagement_id_fkey deferrable initially deferred;
