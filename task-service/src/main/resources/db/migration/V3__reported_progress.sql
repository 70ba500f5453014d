-- The progress last reported (TaskProgressChanged): a change of tasks that leaves the figures as they were raises none.
alter table engagement_ref add column reported_mandatory_done integer;
alter table engagement_ref add column reported_mandatory_total integer;
alter table engagement_ref add column reported_overdue integer;
