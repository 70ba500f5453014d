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

    /**
     * The ids of these events seen for the first time, recorded in one statement; a redelivered id (or one that came
     * twice in the list) is left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<UUID> firstDeliveries(java.util.List<IncomingEvent> events) {
        java.util.Set<UUID> fresh = new java.util.HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        StringBuilder sql = new StringBuilder("insert into inbox_event(event_id, type, subject, processed_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2).append(", ?").append(3 * i + 3).append(", now())");
        }
        sql.append(" on conflict do nothing returning event_id");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent e = events.get(i);
            query.setParameter(3 * i + 1, e.id()).setParameter(3 * i + 2, e.type()).setParameter(3 * i + 3, e.subject());
        }
        for (Object id : query.getResultList()) {
            fresh.add((UUID) id);
        }
        return fresh;
    }
}
