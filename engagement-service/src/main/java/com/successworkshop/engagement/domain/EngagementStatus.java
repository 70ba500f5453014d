package com.successworkshop.engagement.domain;

/** Engagement-level status of the FTOP record. */
public enum EngagementStatus {
    ON_HOLD, REACTIVE, FULLY_ENGAGED
}
