-- A pack is computed when it is read (the catalog is in memory); the read model keeps only the digest of its content,
-- which tells the consumer when the pack changed (its version goes up). Existing rows start without one: their next
-- rebuild counts as a change once.
alter table engagement_read add column pack_digest varchar(64);
-- resource_pack_item is no longer written. It stays until every replica runs this version (an older replica still
-- reads it during a rolling update); a later migration drops it.
