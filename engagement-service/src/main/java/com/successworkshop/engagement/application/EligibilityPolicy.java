package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EligibilityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Goals 6: Enhanced Adoption Service for an enterprise customer with more than 20,000 licences. */
@ApplicationScoped
public class EligibilityPolicy {

    public static final String ENHANCED_ADOPTION_SERVICE = "ENHANCED_ADOPTION_SERVICE";

    @Inject
    EligibilityConfig config;

    public record Decision(boolean eligible, List<String> reasons, String rulesVersion) {
    }

    public Decision decide(int licenceCount, boolean enterprise) {
        boolean aboveThreshold = config.comparison() == EligibilityConfig.Comparison.GREATER_THAN
                ? licenceCount > config.threshold()
                : licenceCount >= config.threshold();
        String op = config.comparison() == EligibilityConfig.Comparison.GREATER_THAN ? ">" : ">=";
        String licences = aboveThreshold
                ? licenceCount + " licences " + op + " " + config.threshold()
                : licenceCount + " licences is not " + op + " " + config.threshold();
        String enterpriseReason = enterprise ? "customer meets the enterprise criteria" : "customer does not meet the enterprise criteria";
        return new Decision(enterprise && aboveThreshold, List.of(enterpriseReason, licences), rulesVersion());
    }

    public String rulesVersion() {
        return config.rulesVersion() + "/" + config.comparison().name().toLowerCase() + "-" + config.threshold();
    }
}
