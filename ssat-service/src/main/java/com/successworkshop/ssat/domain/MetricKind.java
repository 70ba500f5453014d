package com.successworkshop.ssat.domain;

/** ACTIVE_USAGE_PERCENT feeds the success-review trigger (playbook facts: >= 10 % active usage); CUSTOM is the customer's own metric. */
public enum MetricKind {
    ACTIVE_USAGE_PERCENT, CUSTOM
}
