package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceInput;
import com.successworkshop.engagement.application.EngagementViews.ServiceStatusUpdate;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.ServicesTabRow;
import com.successworkshop.engagement.domain.Workload;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Outcomes: the FM records each intended service and its status in the FTOP Services tab. */
@ApplicationScoped
@Transactional
public class TrackIntendedServices {

    @Inject
    EngagementRepository engagements;
    @Inject
    EngagementTimeline timeline;
    @Inject
    UnitOfWork work;

    public EngagementView add(UUID id, String ifMatch, IntendedServiceInput in) {
        Engagement e = load(id, ifMatch, false);
        e.addIntendedService(EngagementMapper.row(in), Instant.now());
        return done(e);
    }

    /** If-Match required. */
    public EngagementView updateStatus(UUID id, Workload workload, String ifMatch, ServiceStatusUpdate in) {
        Engagement e = load(id, ifMatch, true);
        ServicesTabRow row = e.updateIntendedService(EngagementMapper.row(workload, in), Instant.now()).row();
        timeline.note(e, "INTENDED_SERVICE_UPDATED", workload + " status " + row.l1Status() + (row.l2Status() == null ? "" : " / " + row.l2Status()));
        return done(e);
    }

    public EngagementView remove(UUID id, Workload workload, String ifMatch) {
        Engagement e = load(id, ifMatch, true);
        e.removeIntendedService(workload, Instant.now());
        return done(e);
    }

    private Engagement load(UUID id, String ifMatch, boolean ifMatchRequired) {
        Engagement e = engagements.load(id);
        ExpectedVersion.check(ifMatch, e.etag(), ifMatchRequired);
        return e;
    }

    private EngagementView done(Engagement e) {
        return EngagementMapper.view(work.complete(e));
    }
}
