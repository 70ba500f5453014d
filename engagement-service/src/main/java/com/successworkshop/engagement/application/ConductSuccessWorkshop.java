package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.CancelWorkshop;
import com.successworkshop.engagement.application.EngagementViews.CompleteWorkshop;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.RescheduleWorkshop;
import com.successworkshop.engagement.application.EngagementViews.ScheduleWorkshop;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.WorkshopOutcomes;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Playbook: Conduct Customer Success Workshop — kickoff → schedule → reschedule/cancel → complete; the gates are the
 * engagement's. If-Match is optional on these commands; when sent, a stale one is refused.
 */
@ApplicationScoped
@Transactional
public class ConductSuccessWorkshop {

    @Inject
    EngagementRepository engagements;
    @Inject
    ReadModelRepository readModels;
    @Inject
    UnitOfWork work;

    /** Prerequisites: the customer kickoff meeting is complete. */
    public EngagementView completeKickoff(UUID id, String ifMatch) {
        Engagement e = load(id, ifMatch);
        e.completeKickoff(Instant.now());
        return done(e);
    }

    /** Approach: Schedule the success workshop. */
    public EngagementView schedule(UUID id, String ifMatch, ScheduleWorkshop req) {
        Engagement e = load(id, ifMatch);
        e.scheduleWorkshop(req.startsAt(), req.durationMinutes(), req.attendees(), req.agenda(), Instant.now());
        return done(e);
    }

    public EngagementView reschedule(UUID id, String ifMatch, RescheduleWorkshop req) {
        Engagement e = load(id, ifMatch);
        e.rescheduleWorkshop(req.startsAt(), req.durationMinutes(), req.reason(), Instant.now());
        return done(e);
    }

    public EngagementView cancel(UUID id, String ifMatch, CancelWorkshop req) {
        Engagement e = load(id, ifMatch);
        e.cancelWorkshop(req.reason(), Instant.now());
        return done(e);
    }

    /** Approach: Customer success workshop complete — gated on SSAT as ssat-service last reported it (Outcomes). */
    public EngagementView complete(UUID id, String ifMatch, CompleteWorkshop req) {
        Engagement e = load(id, ifMatch);
        e.completeWorkshop(new WorkshopOutcomes(req.successDefined(), req.successPlanOwner(), req.communicationChannel(),
                req.checkInCadence(), req.levelOfEffort(), req.notes()), readModels.ssat(e.id()).orElse(null), Instant.now());
        return done(e);
    }

    private Engagement load(UUID id, String ifMatch) {
        Engagement e = engagements.load(id);
        ExpectedVersion.check(ifMatch, e.etag(), false);
        return e;
    }

    private EngagementView done(Engagement e) {
        return EngagementMapper.view(work.complete(e));
    }
}
