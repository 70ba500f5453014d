package com.successworkshop.ssat.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.consumer.IncomingEvent.PoisonMessageException;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Applies engagement-service's events to the matrix. Each effect is idempotent on its own (a second EngagementCreated
 * for the same engagement changes nothing; service lists are reconciled; the first snapshot wins). Events before their
 * engagement never reach here: the kit parks them until EngagementCreated.
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
    ObjectMapper mapper;

    public void engagementCreated(UUID id, String partnerId, String customerName, Collection<Workload> services, Instant at) {
        if (matrices.findById(id) != null) {
            LOG.debugf("Matrix of engagement %s exists; EngagementCreated changes nothing", id);
            return;
        }
        SsatMatrix m = new SsatMatrix();
        m.engagementId = id;
        m.partnerId = partnerId;
        m.customerName = customerName;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        m.servicesChangedAt = at;
        for (Workload w : services) {
            support.addService(m, w, at);
        }
        matrices.persist(m);
        support.publishReadiness(m);
    }

    /**
     * Rows added; removed services retired (kept, excluded from readiness); an older list than the one applied is ignored.
     * {@code target} is the whole new list, or null when the event names only what was added and removed.
     */
    public void servicesChanged(UUID id, String partnerId, Instant at, Collection<Workload> target,
                                Collection<Workload> added, Collection<Workload> removed) {
        SsatMatrix m = matrix(id, partnerId);
        if (m.servicesChangedAt != null && at.isBefore(m.servicesChangedAt)) {
            LOG.debugf("IntendedServicesChanged of %s at %s is older than %s; ignored", m.engagementId, at, m.servicesChangedAt);
            return;
        }
        Set<Workload> wanted = new LinkedHashSet<>();
        if (target != null) {
            wanted.addAll(target);
        } else {
            m.activeServices().forEach(s -> wanted.add(s.workload));
            wanted.addAll(added);
            wanted.removeAll(removed);
        }
        boolean changed = false;
        for (Workload w : wanted) {
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
            if (!wanted.contains(s.workload)) {
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
    public void workshopCompleted(UUID id, String partnerId, Instant at) {
        SsatMatrix m = matrix(id, partnerId);
        if (m.snapshotTakenAt != null) {
            return;
        }
        m.snapshotTakenAt = at;
        try {
            m.snapshot = mapper.writeValueAsString(SsatMapper.view(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        support.touch(m);
    }

    private SsatMatrix matrix(UUID id, String partnerId) {
        SsatMatrix m = matrices.findById(id);
        if (m == null) {
            throw new IllegalStateException("matrix of " + id + " not found although the kit saw its engagement");
        }
        if (!partnerId.equals(m.partnerId)) {
            throw new PoisonMessageException("partnerId " + partnerId + " does not own engagement " + id);
        }
        return m;
    }
}
