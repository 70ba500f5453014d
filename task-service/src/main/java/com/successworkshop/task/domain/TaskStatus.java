package com.successworkshop.task.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** NOT_STARTED → IN_PROGRESS → COMPLETED; BLOCKED ↔ IN_PROGRESS; NOT_APPLICABLE with a reason (issue 5). */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, BLOCKED, COMPLETED, NOT_APPLICABLE;

    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(
            NOT_STARTED, EnumSet.of(IN_PROGRESS, NOT_APPLICABLE),
            IN_PROGRESS, EnumSet.of(COMPLETED, BLOCKED, NOT_APPLICABLE),
            BLOCKED, EnumSet.of(IN_PROGRESS),
            COMPLETED, EnumSet.noneOf(TaskStatus.class),
            NOT_APPLICABLE, EnumSet.of(NOT_STARTED));

    public Set<TaskStatus> allowedNext() {
        return ALLOWED.get(this);
    }

    public boolean canMoveTo(TaskStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isClosed() {
        return this == COMPLETED || this == NOT_APPLICABLE;
    }
}
