package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.Overview;
import com.successworkshop.engagement.application.EngagementViews.SsatSummary;
import com.successworkshop.engagement.application.EngagementViews.SuccessPlanSummary;
import com.successworkshop.engagement.application.EngagementViews.TaskSummary;
import com.successworkshop.engagement.domain.CheckIn;
import com.successworkshop.engagement.domain.NextStep;
import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.SuccessPlanProgress;
import com.successworkshop.engagement.domain.TaskProgress;
import com.successworkshop.engagement.repository.CheckInRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Everything a UI needs for one engagement screen, from this service's own data and read models. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementOverview {

    @Inject
    EngagementRepository engagements;
    @Inject
    ReadModelRepository readModels;
    @Inject
    CheckInRepository checkIns;

    public Optional<Overview> overview(UUID id) {
        return engagements.read(id).map(e -> {
            List<String> services = e.intendedServiceCodes();
            SsatSummary ssat = readModels.ssat(id).map(EngagementOverview::summary)
                    .orElse(new SsatSummary(0, services.size(), false, services, 0, null));
            TaskSummary tasks = readModels.tasks(id).map(EngagementOverview::summary).orElse(new TaskSummary(0, 0, 0, null));
            NextStep next = NextStep.after(e.currentEligibility());
            SuccessPlanSummary plan = readModels.plan(id).map(EngagementOverview::summary)
                    .orElse(new SuccessPlanSummary(0, 0, 0, 0, 0, 0, null, null, null));
            return new Overview(EngagementMapper.view(e), services, ssat, tasks, next == NextStep.INTRODUCE_ADOPTION_SME,
                    e.checkIns().nextDate(), e.dibs().risks(), next.name(), plan, checkIns.last(id).map(CheckIn::heldOn).orElse(null));
        });
    }

    private static SsatSummary summary(SsatReadiness r) {
        SsatReadiness.Reported s = r.reported();
        return new SsatSummary(s.servicesRecorded(), s.servicesTotal(), s.allRecorded(), s.missingServices(), s.gaps(), r.lastEventAt());
    }

    private static SuccessPlanSummary summary(SuccessPlanProgress p) {
        Instant asOf = p.planChangedAt() == null ? p.checklistChangedAt()
                : p.checklistChangedAt() == null || p.planChangedAt().isAfter(p.checklistChangedAt()) ? p.planChangedAt() : p.checklistChangedAt();
        return new SuccessPlanSummary(p.percentDone(), p.actionsTotal(), p.actionsDone(), p.actionsOpen(), p.actionsBlocked(), p.actionsOverdue(),
                p.checklistVersion(), p.checklistCompletenessPercent(), asOf);
    }

    private static TaskSummary summary(TaskProgress p) {
        return new TaskSummary(p.mandatoryDone(), p.mandatoryTotal(), p.overdue(), p.lastEventAt());
    }
}
