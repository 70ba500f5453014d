package com.successworkshop.ssat.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a success-plan action stands. PROPOSED is an SSAT gap's suggestion the FM has not accepted yet; it and DROPPED
 * are not part of the plan's progress. BLOCKED and DROPPED say why.
 */
public enum ActionStatus {
    PROPOSED, NOT_STARTED, IN_PROGRESS, DONE, BLOCKED, DROPPED;

    /** The moves the plan allows from here (a DONE action may be reopened, a DROPPED one revived). */
    public Set<ActionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(NOT_STARTED, IN_PROGRESS, DROPPED);
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, DONE, BLOCKED, DROPPED);
            case IN_PROGRESS -> EnumSet.of(NOT_STARTED, DONE, BLOCKED, DROPPED);
            case BLOCKED -> EnumSet.of(NOT_STARTED, IN_PROGRESS, DONE, DROPPED);
            case DONE -> EnumSet.of(IN_PROGRESS);
            case DROPPED -> EnumSet.of(NOT_STARTED);
        };
    }

    public boolean needsReason() {
        return this == BLOCKED || this == DROPPED;
    }

    /** Part of the plan the customer works through (and its progress). */
    public boolean planned() {
        return this != PROPOSED && this != DROPPED;
    }
}
