package com.successworkshop.ssat.application;

import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import com.successworkshop.ssat.application.SsatViews.UpdateFactor;
import com.successworkshop.ssat.domain.FactorStatus;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Playbook: Capture SSAT — the FastTrack manager sets each success factor of every intended service, or records why the
 * customer has no adoption prerequisites for one (Outcomes). Each change needs the matrix's current ETag.
 */
@ApplicationScoped
@Transactional
public class CaptureSsat {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    UnitOfWork work;
    @Inject
    CurrentPartner caller;
    @Inject
    SuccessPlanning planning;
    @Inject
    EntityManager em;

    public MatrixView updateFactor(UUID engagementId, Workload workload, SsatFactor factor, String ifMatch, UpdateFactor req) {
        SsatMatrix m = load(engagementId, ifMatch);
        m.updateFactor(workload, factor, req.status(), req.gap(), req.reason(), req.owner(), caller.actor(), Instant.now());
        work.complete(m);
        if (req.status() == FactorStatus.GAP_IDENTIFIED) {
            planning.gapRecorded(m, workload, factor, req.gap());
        }
        return SsatMapper.view(m);
    }

    public MatrixView markNoPrerequisites(UUID engagementId, Workload workload, String ifMatch, String reason) {
        SsatMatrix m = load(engagementId, ifMatch);
        m.markNoPrerequisites(workload, reason, caller.actor(), Instant.now());
        return SsatMapper.view(work.complete(m));
    }

    public MatrixView clearNoPrerequisites(UUID engagementId, Workload workload, String ifMatch) {
        SsatMatrix m = load(engagementId, ifMatch);
        m.clearNoPrerequisites(workload, caller.actor(), Instant.now());
        return SsatMapper.view(work.complete(m));
    }

    /**
     * The caller's matrix with If-Match checked (required), then locked at that version: a factor's first change inserts
     * its row, and two concurrent first changes would meet on its unique key (an error) instead of the version (412).
     */
    private SsatMatrix load(UUID engagementId, String ifMatch) {
        SsatMatrix m = matrices.find(engagementId)
                .orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
        ExpectedVersion.check(ifMatch, m.etag());
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        return m;
    }
}
