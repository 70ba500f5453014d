package com.successworkshop.engagement.domain;

/**
 * The customer and FTOP facts of an engagement as the FM enters them: all of them when it is opened (null takes the
 * default), only those to change afterwards (null keeps the current value).
 */
public record EngagementDetails(String customerName, String customerTenantId, String fastTrackManager, Integer licenceCount,
                                Boolean enterprise, Boolean enrolledInAdoptionBenefit, EngagementPhase phase,
                                EngagementStatus status, Dibs dibs) {
}
