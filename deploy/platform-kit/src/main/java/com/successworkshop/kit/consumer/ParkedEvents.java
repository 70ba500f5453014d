package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events that came before their engagement's opening event, kept until it arrives (table parked_event). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    public void park(IncomingEvent event, UUID engagementId) {
        LOG.infof("%s %s arrived before its engagement %s is known; parked until it is", event.name(), event.id(), engagementId);
        em.createNativeQuery("insert into parked_event(event_id, engagement_id, type, event_time, data, parked_at) "
                        + "values (:id, :e, :type, :time, cast(:data as jsonb), now()) on conflict do nothing")
                .setParameter("id", event.id()).setParameter("e", engagementId).setParameter("type", event.type())
                .setParameter("time", event.time()).setParameter("data", event.data().toString())
                .executeUpdate();
    }

    /** The engagement's parked events in the order they happened, removed from the table. */
    public List<IncomingEvent> release(UUID engagementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("delete from parked_event where engagement_id = :e "
                        + "returning event_id, type, event_time, cast(data as text), parked_at")
                .setParameter("e", engagementId).getResultList();
        List<IncomingEvent> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            try {
                out.add(new IncomingEvent((UUID) row[0], (String) row[1], "/parked", engagementId.toString(),
                        instant(row[2]), mapper.readTree((String) row[3])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.sort(java.util.Comparator.comparing(IncomingEvent::time));
        return out;
    }

    /** Which of these engagements have events waiting; one statement for a whole batch. */
    public java.util.Set<UUID> waiting(java.util.Collection<UUID> engagementIds) {
        if (engagementIds.isEmpty()) {
            return new java.util.HashSet<>();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select distinct engagement_id from parked_event where engagement_id in (:ids)")
                .setParameter("ids", engagementIds).getResultList();
        return new java.util.HashSet<>(ids);
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(o.toString());
    }
}
