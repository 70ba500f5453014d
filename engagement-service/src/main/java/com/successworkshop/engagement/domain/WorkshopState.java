package com.successworkshop.engagement.domain;

public enum WorkshopState {
    NOT_SCHEDULED, SCHEDULED, CANCELLED, COMPLETED
}
