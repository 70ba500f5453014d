package com.successworkshop.ssat.domain;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The data of every event on ssat-events; documented in src/main/asyncapi/ssat-service.yaml. */
public final class SsatEvents {

    private SsatEvents() {
    }

    public record SsatFactorUpdated(UUID engagementId, String partnerId, Workload service, SsatFactor factor,
                                    FactorStatus previousStatus, FactorStatus status, String gap, String reason, String owner,
                                    String changedBy, Instant changedAt) {
    }

    /** engagement-service's workshop gate reads this shape: keep the field names. */
    public record SsatReadinessChanged(UUID engagementId, String partnerId, int servicesRecorded, int servicesTotal,
                                       boolean allRecorded, List<Workload> missingServices, int gaps,
                                       int factorsInPlace, int factorsTotal) {
    }

    /** A success-plan action changed; progress is the whole plan after the change (engagement-service's read model). */
    public record SuccessPlanActionChanged(UUID engagementId, String partnerId, UUID actionId, String title, ActionStatus status,
                                           String owner, LocalDate dueDate, Workload service, SsatFactor factor,
                                           String changedBy, Instant changedAt, PlanProgress progress) {
    }

    /** An item of the success-plan checklist changed; checklistVersion is the revision a check-in records it reviewed. */
    public record SuccessChecklistChanged(UUID engagementId, String partnerId, int checklistVersion, int itemsTotal, int itemsChecked,
                                          int itemsNotApplicable, int completenessPercent, String changedBy, Instant changedAt) {
    }
}
