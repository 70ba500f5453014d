package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.ScheduleCheckIns;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Next steps: the FM schedules regular check-ins with the customer (cadence, next date, attendees). */
@ApplicationScoped
@Transactional
public class ScheduleRegularCheckIns {

    @Inject
    EngagementRepository engagements;
    @Inject
    UnitOfWork work;

    public EngagementView schedule(UUID id, String ifMatch, ScheduleCheckIns req) {
        Engagement e = engagements.load(id);
        ExpectedVersion.check(ifMatch, e.etag(), false);
        e.scheduleCheckIns(req.cadence(), req.nextDate(), req.attendees(), Instant.now());
        return EngagementMapper.view(work.complete(e));
    }
}
