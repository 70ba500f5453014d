package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.engagement.messaging.IncomingEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /** A change reported by another service; ignored for an engagement this service does not hold. */
    public void recordFromEvent(UUID engagementId, String actor, String kind, String summary, IncomingEvent event) {
        if (getEntityManager().find(Engagement.class, engagementId) == null) {
            return;
        }
        TimelineEntry t = new TimelineEntry();
        t.engagementId = engagementId;
        t.at = event.time();
        t.actor = actor;
        t.kind = kind;
        t.summary = summary;
        t.eventId = event.id();
        persist(t);
    }
}
