package com.successworkshop.engagement.messaging;

import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.SuccessPlanProgress;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SSAT readiness read model for the workshop gate and the overview, from ssat-events (a polled batch per
 * transaction, the kit's EventBatches); an older event than the one applied changes nothing.
 */
@ApplicationScoped
public class SsatEventsConsumer extends EventConsumer {

    static final String SSAT_READINESS_CHANGED = "workshop.ssat.SsatReadinessChanged.v1";

    /** This consumer's copy of the fields it reads (ssat-service's AsyncAPI is the contract). */
    public record SsatReadinessChanged(UUID engagementId, int servicesRecorded, int servicesTotal, boolean allRecorded,
                                       List<String> missingServices, int gaps) {
        public SsatReadinessChanged {
            if (engagementId == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId is missing");
            }
            missingServices = missingServices == null ? List.of() : missingServices;
        }
    }

    static final String PLAN_ACTION_CHANGED = "workshop.ssat.SuccessPlanActionChanged.v1";
    static final String CHECKLIST_CHANGED = "workshop.ssat.SuccessChecklistChanged.v1";

    public record Progress(int actionsTotal, int actionsDone, int actionsOpen, int actionsBlocked, int actionsOverdue, int percentDone) {
    }

    public record SuccessPlanActionChanged(UUID engagementId, String title, String status, Instant changedAt, Progress progress) {
        public SuccessPlanActionChanged {
            if (engagementId == null || progress == null || changedAt == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId, data.changedAt and data.progress are required");
            }
        }
    }

    public record SuccessChecklistChanged(UUID engagementId, int checklistVersion, int completenessPercent, Instant changedAt) {
        public SuccessChecklistChanged {
            if (engagementId == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId is missing");
            }
        }
    }

    @Inject
    ReadModelRepository readModels;
    @Inject
    TimelineRepository timeline;

    SsatEventsConsumer() {
        super("ssat-events");
    }

    @Override
    protected void events() {
        on(SSAT_READINESS_CHANGED, SsatReadinessChanged.class, this::readinessChanged);
        on(PLAN_ACTION_CHANGED, SuccessPlanActionChanged.class, this::planActionChanged);
        on(CHECKLIST_CHANGED, SuccessChecklistChanged.class, this::checklistChanged);
    }

    void planActionChanged(IncomingEvent event, SuccessPlanActionChanged d) {
        SuccessPlanProgress p = readModels.plan(d.engagementId()).orElseGet(() -> new SuccessPlanProgress(d.engagementId()));
        Progress g = d.progress();
        if (p.applyPlan(d.changedAt(), g.actionsTotal(), g.actionsDone(), g.actionsOpen(), g.actionsBlocked(), g.actionsOverdue(), g.percentDone())) {
            readModels.save(p);
            timeline.recordFromEvent(d.engagementId(), "ssat-service", "SUCCESS_PLAN_ACTION_CHANGED",
                    "Success-plan action \"" + d.title() + "\" " + d.status() + "; plan " + g.percentDone() + " % done", event.id(), event.time());
        }
    }

    void checklistChanged(IncomingEvent event, SuccessChecklistChanged d) {
        SuccessPlanProgress p = readModels.plan(d.engagementId()).orElseGet(() -> new SuccessPlanProgress(d.engagementId()));
        if (p.applyChecklist(d.checklistVersion(), d.completenessPercent(), d.changedAt() == null ? event.time() : d.changedAt())) {
            readModels.save(p);
            timeline.recordFromEvent(d.engagementId(), "ssat-service", "SUCCESS_CHECKLIST_CHANGED",
                    "Success-plan checklist " + d.completenessPercent() + " % complete (revision " + d.checklistVersion() + ")", event.id(), event.time());
        }
    }

    void readinessChanged(IncomingEvent event, SsatReadinessChanged d) {
        SsatReadiness r = readModels.ssat(d.engagementId()).orElseGet(() -> new SsatReadiness(d.engagementId()));
        var reported = new SsatReadiness.Reported(d.servicesRecorded(), d.servicesTotal(), d.allRecorded(), d.missingServices(), d.gaps());
        if (!r.apply(event.time(), reported)) {
            return;
        }
        readModels.save(r);
        timeline.recordFromEvent(d.engagementId(), "ssat-service", "SSAT_READINESS_CHANGED",
                "SSAT recorded for " + reported.servicesRecorded() + " of " + reported.servicesTotal() + " intended services"
                        + (reported.missingServices().isEmpty() ? "" : "; missing " + String.join(", ", reported.missingServices())), event.id(), event.time());
    }
}
