package com.successworkshop.kit.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Processed event ids; recorded in the same transaction as the event's effect, so a redelivery has no second effect. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** True the first time an event id is seen; false for a redelivery (or a concurrent duplicate, once it commits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        int inserted = em.createNativeQuery(
                        "insert into inbox_event(event_id, type, subject, processed_at) values (:id, :type, :subject, now()) on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .executeUpdate();
        return inserted == 1;
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from inbox_event").getSingleResult()).longValue();
    }

    public boolean contains(UUID eventId) {
        return ((Number) em.createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() > 0;
    }
}
