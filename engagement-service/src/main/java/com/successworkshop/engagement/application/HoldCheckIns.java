package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.CheckInReviewView;
import com.successworkshop.engagement.application.EngagementViews.CheckInView;
import com.successworkshop.engagement.application.EngagementViews.HoldCheckIn;
import com.successworkshop.engagement.domain.CheckIn;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.repository.CheckInRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.security.CurrentPartner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Next steps: the FM records each regular check-in — who came, notes, decisions — with the success plan's progress and
 * the checklist revision it reviewed, taken from the read model of ssat-service's events (no call to ssat-service).
 */
@ApplicationScoped
@Transactional
public class HoldCheckIns {

    @Inject
    EngagementRepository engagements;
    @Inject
    ReadModelRepository readModels;
    @Inject
    CheckInRepository checkIns;
    @Inject
    UnitOfWork work;
    @Inject
    CurrentPartner caller;

    public CheckInView hold(UUID engagementId, HoldCheckIn in) {
        Engagement e = engagements.load(engagementId);
        CheckIn.Review review = readModels.plan(engagementId)
                .map(p -> new CheckIn.Review(p.checklistVersion(), p.checklistCompletenessPercent(),
                        p.planChangedAt() == null ? null : p.percentDone(), p.planChangedAt() == null ? null : p.actionsOpen(),
                        p.planChangedAt() == null ? null : p.actionsOverdue()))
                .orElse(CheckIn.Review.NOTHING_YET);
        CheckIn c = e.holdCheckIn(in.heldOn(), in.attendees(), in.notes(), in.decisions(), review, caller.actor(), Instant.now());
        checkIns.persist(c);
        work.complete(e);
        return view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<CheckInView> list(UUID engagementId, int page, int size) {
        engagements.load(engagementId);
        return PageView.of(checkIns.held(engagementId), page, size, HoldCheckIns::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckInView get(UUID engagementId, UUID checkInId) {
        engagements.load(engagementId);
        return checkIns.find(engagementId, checkInId).map(HoldCheckIns::view)
                .orElseThrow(() -> DomainException.notFound("Check-in " + checkInId));
    }

    static CheckInView view(CheckIn c) {
        CheckIn.Review r = c.review();
        return new CheckInView(c.id(), c.engagementId(), c.heldOn(), c.attendees(), c.notes(), c.decisions(),
                new CheckInReviewView(r.checklistVersion(), r.checklistCompletenessPercent(), r.planPercentDone(), r.actionsOpen(),
                        r.actionsOverdue()), c.nextDate(), c.recordedBy(), c.recordedAt());
    }
}
