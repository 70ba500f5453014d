package com.successworkshop.engagement.domain;

import java.util.List;

/** L1 status of an intended service in the FTOP Services tab, with its allowed L2 values (playbook facts). */
public enum ServiceStatus {
    STATUS_UNKNOWN(false, List.of("Customer Unresponsive", "New Subscription or Workload")),
    IN_PROGRESS(true, List.of("Technical Onboarding and Deployment", "Migration", "Solution or User Adoption")),
    NO_INTENT(false, List.of("Using Competitive Solution", "Using Microsoft On-Premises Solution", "Executive Sponsorship")),
    BLOCKED(true, List.of("Customer IT Infrastructure and Remediation", "IT Change Management and Resourcing",
            "Legal/Regulatory", "Security/Privacy", "Adoption Readiness", "Product/Feature Capability",
            "Service Reliability", "App Compatibility", "Partner Engagement", "Billing, Licensing and Subscription")),
    DUPLICATE_INVALID(false, List.of());

    /** In Progress needs a target date; Blocked's target date is the projected unblock date. */
    public final boolean requiresTargetDate;
    public final List<String> l2Values;

    ServiceStatus(boolean requiresTargetDate, List<String> l2Values) {
        this.requiresTargetDate = requiresTargetDate;
        this.l2Values = l2Values;
    }
}
