package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /** Any constant shared by every replica: the key of the lock that keeps timeline ids in commit order. */
    private static final long TIMELINE_LOCK = 0x7469_6d65_6c69_6eL;

    @Inject
    TransactionSynchronizationRegistry transaction;

    public void record(UUID engagementId, String partnerId, String actor, String kind, String summary, UUID eventId, Instant at) {
        TimelineEntry t = new TimelineEntry();
        t.engagementId = engagementId;
        t.at = at;
        t.actor = actor;
        t.kind = kind;
        t.summary = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
        t.eventId = eventId;
        // Inserts take turns until commit, so an id is never visible before a smaller one and a stream resuming after
        // id N misses nothing; the NOTIFY, delivered at commit, wakes every replica's TimelineFeed. Once per transaction:
        // the lock is held to its end anyway, and a consumer's batch writes many entries.
        if (transaction.getResource(TIMELINE_LOCK) == null) {
            // COMMIT: the lock reads no table, so the unit of work is not flushed ahead of it (545 of the POST's 2,556
            // samples were that early flush; its inserts now go with UnitOfWork.complete's flush, in the JDBC batch).
            getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1), pg_notify('" + TimelineFeed.CHANNEL + "', '')) locked")
                    .setFlushMode(FlushModeType.COMMIT).setParameter(1, TIMELINE_LOCK).getSingleResult();
            transaction.putResource(TIMELINE_LOCK, Boolean.TRUE);
        }
        persist(t);
    }

    /** Entries after {@code lastId}, oldest first, of one engagement or (engagementId null) of all the partner's. */
    public List<TimelineEntry> after(String partnerId, UUID engagementId, long lastId, int limit) {
        return (engagementId != null
                ? find("engagementId = :e and id > :last", Sort.ascending("id"), Parameters.with("e", engagementId).and("last", lastId))
                : find("engagementId in (select e.id from Engagement e where e.partnerId = :p) and id > :last", Sort.ascending("id"),
                        Parameters.with("p", partnerId).and("last", lastId)))
                .range(0, limit - 1).list();
    }

    /** A change reported by another service's event; ignored for an engagement this service does not hold. */
    public void recordFromEvent(UUID engagementId, String actor, String kind, String summary, UUID eventId, Instant eventTime) {
        // The owner only: loading the aggregate for it was a tenth of the consumer's CPU (hydration, then a dirty check at flush).
        List<String> owner = getEntityManager().createQuery("select e.partnerId from Engagement e where e.id = :id", String.class)
                .setParameter("id", engagementId).getResultList();
        if (owner.isEmpty()) {
            return;
        }
        record(engagementId, owner.getFirst(), actor, kind, summary, eventId, eventTime);
    }
}
