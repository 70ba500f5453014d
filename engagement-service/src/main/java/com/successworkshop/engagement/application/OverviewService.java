package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.TaskProgress;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Everything a UI needs for one engagement screen, from this service's own data and read models. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

    @Inject
    EngagementService engagements;
    @Inject
    ReadModelRepository readModels;

    /** asOf: when the read model last heard from its source service (null: nothing heard yet). */
    public record SsatSummary(int servicesRecorded, int servicesTotal, boolean allRecorded, List<String> missingServices,
                              int gaps, Instant asOf) {
    }

    public record TaskSummary(int mandatoryDone, int mandatoryTotal, int overdue, Instant asOf) {
    }

    public record Overview(EngagementView engagement, List<String> intendedServices, SsatSummary ssat, TaskSummary tasks,
                           boolean eligibleForEnhancedAdoptionService, LocalDate nextCheckIn, List<String> dibsRisks,
                           String nextStep) {
    }

    public Optional<Overview> overview(UUID id) {
        return engagements.find(id).map(e -> {
            List<String> services = e.intendedServices().stream().filter(s -> s.removedAt() == null).map(s -> s.workload().name()).sorted().toList();
            SsatSummary ssat = readModels.ssat(id).map(OverviewService::summary)
                    .orElse(new SsatSummary(0, services.size(), false, services, 0, null));
            TaskSummary tasks = readModels.tasks(id).map(OverviewService::summary).orElse(new TaskSummary(0, 0, 0, null));
            boolean eligible = e.eligibility() != null && e.eligibility().eligible();
            // Next steps: eligible enterprise customers meet an adoption SME; all others get regular check-ins.
            String nextStep = eligible ? "INTRODUCE_ADOPTION_SME" : "SCHEDULE_REGULAR_CHECK_INS";
            return new Overview(e, services, ssat, tasks, eligible, e.checkIns().nextDate(), e.dibsRisks(), nextStep);
        });
    }

    private static SsatSummary summary(SsatReadiness r) {
        return new SsatSummary(r.servicesRecorded, r.servicesTotal, r.allRecorded, r.missingServices, r.gaps, r.lastEventAt);
    }

    private static TaskSummary summary(TaskProgress p) {
        return new TaskSummary(p.mandatoryDone, p.mandatoryTotal, p.overdue, p.lastEventAt);
    }
}
