package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.EligibilityPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The eligibility policy as configured (workshop.eligibility.*): the engagement decides with it. */
@ApplicationScoped
public class EligibilityRules {

    @Produces
    @Singleton
    EligibilityPolicy policy(EligibilityConfig config) {
        return new EligibilityPolicy(config.threshold(), config.comparison(), config.rulesVersion());
    }
}
