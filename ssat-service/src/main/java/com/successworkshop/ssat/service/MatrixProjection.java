package com.successworkshop.ssat.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.mapping.SsatMapper;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.kit.consumer.IncomingEvent.PoisonMessageException;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies engagement-service's events to the matrix. Each effect is idempotent on its own (a second EngagementCreated
 * for the same engagement changes nothing; service lists are reconciled; the first snapshot wins), and an event for an
 * engagement not seen yet is parked and applied when its EngagementCreated arrives — never lost.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MatrixProjection {

    private static final Logger LOG = Logger.getLogger(MatrixProjection.class);

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    MatrixSupport support;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    public void apply(IncomingEvent event) {
        switch (event.name()) {
            case "EngagementCreated" -> engagementCreated(event);
            case "IntendedServicesChanged" -> withMatrix(event, m -> servicesChanged(m, event.time(), event.data()));
            case "WorkshopCompleted" -> withMatrix(event, m -> workshopCompleted(m, event.data()));
            default -> LOG.debugf("Event %s (%s) is not one ssat-service acts on", event.id(), event.type());
        }
    }

    private void engagementCreated(IncomingEvent event) {
        JsonNode d = event.data();
        UUID id = uuid(d, "engagementId");
        if (matrices.findById(id) != null) {
            LOG.debugf("Matrix of engagement %s exists; EngagementCreated %s changes nothing", id, event.id());
            return;
        }
        SsatMatrix m = new SsatMatrix();
        m.engagementId = id;
        m.partnerId = text(d, "partnerId");
        m.customerName = d.path("customerName").asText(null);
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        m.servicesChangedAt = event.time();
        for (Workload w : workloads(d.path("intendedServices"), "intendedServices")) {
            support.addService(m, w, event.time());
        }
        matrices.persist(m);
        support.publishReadiness(m);
        applyParked(m);
    }

    private void withMatrix(IncomingEvent event, java.util.function.Consumer<SsatMatrix> effect) {
        UUID id = uuid(event.data(), "engagementId");
        SsatMatrix m = matrices.findById(id);
        if (m == null) {
            park(event, id);
            return;
        }
        String partner = text(event.data(), "partnerId");
        if (!partner.equals(m.partnerId)) {
            throw new PoisonMessageException("partnerId " + partner + " does not own engagement " + id);
        }
        effect.accept(m);
    }

    /** Rows added; removed services retired (kept, excluded from readiness); an older list than the one applied is ignored. */
    private void servicesChanged(SsatMatrix m, Instant at, JsonNode d) {
        if (m.servicesChangedAt != null && at.isBefore(m.servicesChangedAt)) {
            LOG.debugf("IntendedServicesChanged of %s at %s is older than %s; ignored", m.engagementId, at, m.servicesChangedAt);
            return;
        }
        Set<Workload> target = new LinkedHashSet<>();
        if (d.hasNonNull("intendedServices")) {
            target.addAll(workloads(d.path("intendedServices"), "intendedServices"));
        } else {
            m.activeServices().forEach(s -> target.add(s.workload));
            target.addAll(workloads(d.path("added"), "added"));
            workloads(d.path("removed"), "removed").forEach(target::remove);
        }
        boolean changed = false;
        for (Workload w : target) {
            IntendedService s = m.service(w).orElse(null);
            if (s == null) {
                support.addService(m, w, at);
                changed = true;
            } else if (s.retiredAt != null) {
                s.retiredAt = null;
                changed = true;
            }
        }
        for (IntendedService s : m.activeServices()) {
            if (!target.contains(s.workload)) {
                s.retiredAt = at;
                changed = true;
            }
        }
        m.servicesChangedAt = at;
        if (changed) {
            support.touch(m);
            support.publishReadiness(m);
        }
    }

    /** Outcomes: the matrix as it stood when the workshop completed, kept beside the live one. The first one wins. */
    private void workshopCompleted(SsatMatrix m, JsonNode d) {
        if (m.snapshotTakenAt != null) {
            return;
        }
        Instant at = d.hasNonNull("completedAt") ? Instant.parse(d.get("completedAt").asText()) : Instant.now();
        m.snapshotTakenAt = at;
        try {
            m.snapshot = mapper.writeValueAsString(SsatMapper.view(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        support.touch(m);
    }

    private void park(IncomingEvent event, UUID engagementId) {
        LOG.infof("%s %s arrived before EngagementCreated of %s; parked until it does", event.name(), event.id(), engagementId);
        em.createNativeQuery("insert into parked_event(event_id, engagement_id, type, event_time, data, parked_at) "
                        + "values (:id, :e, :type, :time, cast(:data as jsonb), now()) on conflict do nothing")
                .setParameter("id", event.id()).setParameter("e", engagementId).setParameter("type", event.type())
                .setParameter("time", event.time()).setParameter("data", event.data().toString())
                .executeUpdate();
    }

    private void applyParked(SsatMatrix m) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select event_id, type, event_time, cast(data as text) from parked_event "
                        + "where engagement_id = :e order by event_time, parked_at")
                .setParameter("e", m.engagementId).getResultList();
        for (Object[] row : rows) {
            try {
                IncomingEvent parked = new IncomingEvent((UUID) row[0], (String) row[1], "/parked", m.engagementId.toString(),
                        toInstant(row[2]), mapper.readTree((String) row[3]));
                LOG.infof("Applying parked %s %s to %s", parked.name(), parked.id(), m.engagementId);
                apply(parked);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        em.createNativeQuery("delete from parked_event where engagement_id = :e").setParameter("e", m.engagementId).executeUpdate();
    }

    public long parkedCount(UUID engagementId) {
        return ((Number) em.createNativeQuery("select count(*) from parked_event where engagement_id = :e")
                .setParameter("e", engagementId).getSingleResult()).longValue();
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(o.toString());
    }

    private static List<Workload> workloads(JsonNode array, String field) {
        if (!array.isArray()) {
            throw new PoisonMessageException("data." + field + " is not an array");
        }
        List<Workload> out = new ArrayList<>();
        for (JsonNode n : array) {
            try {
                Workload w = Workload.valueOf(n.asText());
                if (!out.contains(w)) {
                    out.add(w);
                }
            } catch (IllegalArgumentException e) {
                throw new PoisonMessageException("data." + field + " holds an unknown workload " + n.asText());
            }
        }
        return out;
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("data." + field + " is not a UUID");
        }
    }

    private static String text(JsonNode data, String field) {
        String v = data.path(field).asText(null);
        if (v == null || v.isBlank()) {
            throw new PoisonMessageException("data." + field + " is missing");
        }
        return v;
    }
}
