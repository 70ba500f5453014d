package com.successworkshop.engagement.domain;

import java.time.Instant;
import java.util.List;

/**
 * The latest eligibility decision, kept on the engagement itself so that reading an engagement is one statement; the
 * history stays in {@link EligibilityDecision}.
 */
public record CurrentEligibility(String benefit, boolean eligible, List<String> reasons, String rulesVersion, int licenceCount,
                                 boolean enterprise, Instant decidedAt) {

    public static CurrentEligibility of(EligibilityDecision d) {
        return new CurrentEligibility(d.benefit(), d.eligible(), d.reasons(), d.rulesVersion(), d.licenceCount(), d.enterprise(), d.decidedAt());
    }
}
