package com.successworkshop.engagement.domain;

import java.util.List;

/**
 * Goals 6: the Enhanced Adoption Service for an enterprise customer with more than 20,000 licences. The playbook says
 * "more than", the public add-on text "at least": threshold and comparison are configured, and every decision records
 * which rule made it ({@link #rulesVersion()}).
 */
public record EligibilityPolicy(int threshold, Comparison comparison, String rulesSource) {

    public static final String ENHANCED_ADOPTION_SERVICE = "ENHANCED_ADOPTION_SERVICE";

    public enum Comparison { GREATER_THAN, AT_LEAST }

    public record Decision(boolean eligible, List<String> reasons, String rulesVersion) {
    }

    /** This playbook's own rule: more than 20,000 licences. */
    public static EligibilityPolicy playbook() {
        return new EligibilityPolicy(20_000, Comparison.GREATER_THAN, "playbook-2020-04-30");
    }

    public Decision decide(int licenceCount, boolean enterprise) {
        boolean aboveThreshold = comparison == Comparison.GREATER_THAN ? licenceCount > threshold : licenceCount >= threshold;
        String op = comparison == Comparison.GREATER_THAN ? ">" : ">=";
        String licences = aboveThreshold
                ? licenceCount + " licences " + op + " " + threshold
                : licenceCount + " licences is not " + op + " " + threshold;
        String enterpriseReason = enterprise ? "customer meets the enterprise criteria" : "customer does not meet the enterprise criteria";
        return new Decision(enterprise && aboveThreshold, List.of(enterpriseReason, licences), rulesVersion());
    }

    public String rulesVersion() {
        return rulesSource + "/" + comparison.name().toLowerCase() + "-" + threshold;
    }
}
