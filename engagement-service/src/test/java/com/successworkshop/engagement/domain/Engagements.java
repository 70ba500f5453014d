package com.successworkshop.engagement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Engagements as a test needs them, built through the aggregate's own methods (no database). */
final class Engagements {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant NEXT_MONTH = NOW.plusSeconds(30L * 86_400);

    private Engagements() {
    }

    static ServicesTabRow row(Workload workload) {
        return new ServicesTabRow(workload, null, null, null, null, null, null, null);
    }

    static EngagementDetails details(int licences, boolean enterprise, boolean enrolledInAdoptionBenefit) {
        return new EngagementDetails("Contoso", "contoso.onmicrosoft.com", "fm@partner.example", licences, enterprise,
                enrolledInAdoptionBenefit, null, null, new Dibs(null, "Adopt Microsoft 365", BusinessReason.INCREASE_SECURITY, "CIO"));
    }

    /** Opened with the services given, its EngagementCreated already taken. */
    static Engagement opened(Workload... services) {
        Engagement e = Engagement.open(UUID.randomUUID(), "partner-1", details(500, false, false),
                List.of(services).stream().map(Engagements::row).toList(), NOW);
        e.takeEvents();
        return e;
    }

    static Engagement kickedOff(Workload... services) {
        Engagement e = opened(services);
        e.completeKickoff(NOW);
        e.takeEvents();
        return e;
    }

    static Engagement scheduled(Workload... services) {
        Engagement e = kickedOff(services);
        e.scheduleWorkshop(NEXT_MONTH, 120, List.of(new Attendee("Aiko Tanaka", "Contoso", "Success owner")), List.of("Success factors"), NOW);
        e.takeEvents();
        return e;
    }

    static SsatReadiness readiness(UUID engagementId, int recorded, int total, List<String> missing) {
        SsatReadiness r = new SsatReadiness(engagementId);
        r.apply(NOW, new SsatReadiness.Reported(recorded, total, missing.isEmpty(), missing, 0));
        return r;
    }
}
