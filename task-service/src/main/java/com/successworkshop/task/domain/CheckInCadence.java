package com.successworkshop.task.domain;

/** How often check-ins happen (Next steps: regular check-ins). */
public enum CheckInCadence {
    WEEKLY(7), BIWEEKLY(14), MONTHLY(30);

    public final int days;

    CheckInCadence(int days) {
        this.days = days;
    }
}
