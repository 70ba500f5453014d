package com.successworkshop.ssat.domain;


import java.time.Instant;
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
}
