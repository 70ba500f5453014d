package com.successworkshop.engagement.domain;

/** Where the success workshop stands; {@link Engagement} holds the moves between these. */
public enum WorkshopState {
    NOT_SCHEDULED, SCHEDULED, CANCELLED, COMPLETED
}
