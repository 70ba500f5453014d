-- The engagement's FastTrack Manager (EngagementCreated, FastTrackManagerChanged): FM-role tasks are assigned to them.
alter table engagement_ref add column fast_track_manager varchar(200);
