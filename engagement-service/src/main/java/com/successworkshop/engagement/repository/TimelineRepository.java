package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.kit.consumer.IncomingEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /** Fired inside the transaction; live streams observe it once the transaction has committed. */
    public record TimelineRecorded(String partnerId, TimelineEntry entry) {
    }

    @Inject
    Event<TimelineRecorded> recorded;

    public void record(UUID engagementId, String partnerId, String actor, String kind, String summary, UUID eventId, Instant at) {
        TimelineEntry t = new TimelineEntry();
        t.engagementId = engagementId;
        t.at = at;
        t.actor = actor;
        t.kind = kind;
        t.summary = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
        t.eventId = eventId;
        persist(t);
        recorded.fire(new TimelineRecorded(partnerId, t));
    }

    /** A change reported by another service; ignored for an engagement this service does not hold. */
    public void recordFromEvent(UUID engagementId, String actor, String kind, String summary, IncomingEvent event) {
        Engagement e = getEntityManager().find(Engagement.class, engagementId);
        if (e == null) {
            return;
        }
        record(engagementId, e.partnerId, actor, kind, summary, event.id(), event.time());
    }
}
