package com.successworkshop.ssat.domain;

import java.time.LocalDate;
import java.util.Collection;

/** The success plan's progress, as the FM's overview and a check-in review it: proposed and dropped actions do not count. */
public record PlanProgress(int actionsTotal, int actionsDone, int actionsOpen, int actionsBlocked, int actionsOverdue, int percentDone) {

    public static PlanProgress of(Collection<PlanAction> actions, LocalDate today) {
        int total = 0, done = 0, blocked = 0, overdue = 0;
        for (PlanAction a : actions) {
            if (!a.status().planned()) {
                continue;
            }
            total++;
            if (a.status() == ActionStatus.DONE) {
                done++;
            } else {
                if (a.status() == ActionStatus.BLOCKED) {
                    blocked++;
                }
                if (a.dueDate() != null && a.dueDate().isBefore(today)) {
                    overdue++;
                }
            }
        }
        return new PlanProgress(total, done, total - done, blocked, overdue, total == 0 ? 0 : Math.round(100f * done / total));
    }
}
