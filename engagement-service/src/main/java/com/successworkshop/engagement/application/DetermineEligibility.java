package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.domain.EligibilityDecision;
import com.successworkshop.engagement.domain.EligibilityPolicy;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.repository.EligibilityDecisionRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.kit.application.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Goals 6: determine whether an enterprise add-on adoption benefit applies, again, e.g. after the rules changed. */
@ApplicationScoped
@Transactional
public class DetermineEligibility {

    @Inject
    EngagementRepository engagements;
    @Inject
    EligibilityDecisionRepository decisions;
    @Inject
    EligibilityPolicy eligibility;
    @Inject
    UnitOfWork work;

    public EngagementView decideAgain(UUID id) {
        Engagement e = engagements.load(id);
        EligibilityDecision d = e.decideEligibility(eligibility, Instant.now());
        decisions.persist(d);
        return EngagementMapper.view(work.complete(e));
    }
}
