-- The latest eligibility decision on the engagement row (a GET reads one statement); the history table stays as it is.
alter table engagement add column current_eligibility jsonb;
update engagement e set current_eligibility = (
    select jsonb_build_object('benefit', d.benefit, 'eligible', d.eligible, 'reasons', d.reasons, 'rulesVersion', d.rules_version,
                              'licenceCount', d.licence_count, 'enterprise', d.enterprise,
                              'decidedAt', to_char(d.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    from eligibility_decision d where d.engagement_id = e.id order by d.decided_at desc limit 1);
