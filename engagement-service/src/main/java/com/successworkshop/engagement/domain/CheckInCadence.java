package com.successworkshop.engagement.domain;

import java.time.LocalDate;

/** How often the FM and the customer meet after the workshop (playbook: Next steps, regular check-ins). */
public enum CheckInCadence {
    WEEKLY(7), BIWEEKLY(14), MONTHLY(0);

    private final int days;

    CheckInCadence(int days) {
        this.days = days;
    }

    public LocalDate after(LocalDate date) {
        return this == MONTHLY ? date.plusMonths(1) : date.plusDays(days);
    }
}
