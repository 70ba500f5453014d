package com.successworkshop.engagement.domain;

import java.time.Instant;
import java.util.List;

/**
 * A decision on an enterprise adoption benefit (Goals 6): the latest is kept on the engagement itself (a JSON column) so
 * that reading an engagement is one statement, and every one in the history ({@link EligibilityDecision}).
 */
public record Eligibility(String benefit, boolean eligible, List<String> reasons, String rulesVersion, int licenceCount,
                          boolean enterprise, Instant decidedAt) {
}
