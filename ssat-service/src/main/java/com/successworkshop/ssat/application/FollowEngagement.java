package com.successworkshop.ssat.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * The matrix follows its engagement (engagement-service's events, in the consumer's transaction). Each effect is
 * idempotent on its own (a second EngagementCreated changes nothing; service lists are reconciled; the first snapshot
 * wins). The consumer has checked that the event's partner owns the engagement; events before their engagement never
 * reach here (the kit parks them until EngagementCreated).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowEngagement {

    private static final Logger LOG = Logger.getLogger(FollowEngagement.class);

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    UnitOfWork work;
    @Inject
    ObjectMapper mapper;
    /** Capture SSAT: the engagement's matrix, its intended services all NOT_STARTED. */
    public void engagementCreated(UUID id, String partnerId, String customerName, Collection<Workload> services, Instant at,
                                  boolean newHere) {
        // newHere: absent when the batch began and not opened since (a second EngagementCreated in the batch looks, and finds it).
        if (!newHere && matrices.findById(id) != null) {
            LOG.debugf("Matrix of engagement %s exists; EngagementCreated changes nothing", id);
            return;
        }
        work.open(SsatMatrix.open(id, partnerId, customerName, services, at, Instant.now()));
    }

    /** {@code target} is the whole new list, or null when the event names only what was added and removed. */
    public void intendedServicesChanged(UUID id, Instant at, Collection<Workload> target, Collection<Workload> added,
                                        Collection<Workload> removed) {
        SsatMatrix m = matrix(id);
        if (!m.changeIntendedServices(at, target, added, removed, Instant.now())) {
            LOG.debugf("IntendedServicesChanged of %s at %s is older than %s; ignored", id, at, m.servicesChangedAt());
        }
        work.publish(m);
    }

    /** Customer success workshop complete: the matrix as it stood then is kept beside the live one (Outcomes). */
    public void workshopCompleted(UUID id, Instant at) {
        SsatMatrix m = matrix(id);
        m.keepWorkshopSnapshot(at, this::json, Instant.now());
        work.publish(m);
    }

    private String json(SsatMatrix m) {
        try {
            return mapper.writeValueAsString(SsatMapper.view(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SsatMatrix matrix(UUID id) {
        SsatMatrix m = matrices.findById(id);
        if (m == null) {
            throw new IllegalStateException("matrix of " + id + " not found although the kit saw its engagement");
        }
        return m;
    }
}
