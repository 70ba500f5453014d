package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.CreateEngagement;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.UpdateEngagement;
import com.successworkshop.engagement.domain.EligibilityDecision;
import com.successworkshop.engagement.domain.EligibilityPolicy;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.repository.EligibilityDecisionRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.security.CurrentPartner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The FTOP record of an engagement: opened with its customer facts, DIBS and intended services, then kept up to date. */
@ApplicationScoped
@Transactional
public class RecordEngagement {

    @Inject
    EngagementRepository engagements;
    @Inject
    EligibilityDecisionRepository decisions;
    @Inject
    EligibilityPolicy eligibility;
    @Inject
    EngagementTimeline timeline;
    @Inject
    UnitOfWork work;
    @Inject
    CurrentPartner caller;

    /** Eligibility (Goals 6) is decided at once. */
    public EngagementView create(CreateEngagement req) {
        Instant now = Instant.now();
        Engagement e = Engagement.open(UUID.randomUUID(), caller.partnerId(), EngagementMapper.details(req),
                EngagementMapper.rows(req.intendedServices()), now);
        EligibilityDecision d = e.decideEligibility(eligibility, now);
        engagements.persist(e);
        decisions.persist(d);
        return EngagementMapper.view(work.complete(e));
    }

    /** If-Match required; a change of licences or of the enterprise flag decides eligibility again. */
    public EngagementView update(UUID id, String ifMatch, UpdateEngagement req) {
        Engagement e = engagements.load(id);
        ExpectedVersion.check(ifMatch, e.etag(), true);
        Instant now = Instant.now();
        Engagement.Changes changes = e.change(EngagementMapper.details(req), now);
        if (changes.any()) {
            timeline.note(e, "ENGAGEMENT_UPDATED", "Changed " + String.join(", ", changes.fields()));
        }
        if (changes.eligibilityToDecideAgain()) {
            decisions.persist(e.decideEligibility(eligibility, now));
        }
        return EngagementMapper.view(work.complete(e));
    }
}
