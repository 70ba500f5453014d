package com.successworkshop.engagement.domain;

/** Which of a partner's engagements a list shows; a null criterion does not filter. */
public record EngagementCriteria(EngagementStatus status, EngagementPhase phase, Workload service,
                                 String fastTrackManager, String text) {
}
