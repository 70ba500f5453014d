package com.successworkshop.ssat.application;

import com.successworkshop.ssat.domain.FactorStatus;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatFactorState;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.ssat.domain.SsatEvents;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.ssat.application.SsatViews.EngagementReadinessView;
import com.successworkshop.ssat.application.SsatViews.GapView;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import com.successworkshop.ssat.application.SsatViews.PageView;
import com.successworkshop.ssat.application.SsatViews.SnapshotView;
import com.successworkshop.ssat.application.SsatViews.UpdateFactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SSAT matrix as the FastTrack manager reads and edits it (playbook: Capture SSAT, Outcomes). */
@ApplicationScoped
@Transactional
public class SsatMatrixService {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    MatrixSupport support;
    @Inject
    OutboxWriter outbox;
    @Inject
    CurrentPartner caller;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MatrixView> find(UUID engagementId) {
        return matrices.findForPartner(engagementId, caller.partnerId()).map(SsatMapper::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<GapView>> gaps(UUID engagementId) {
        return matrices.findForPartner(engagementId, caller.partnerId()).map(SsatMapper::gaps);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SnapshotView snapshot(UUID engagementId) {
        SsatMatrix m = matrices.findForPartner(engagementId, caller.partnerId())
                .orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + engagementId));
        if (m.snapshot == null) {
            throw ProblemException.notFound("A snapshot (taken when the workshop completes) of engagement " + engagementId);
        }
        try {
            return new SnapshotView(m.engagementId, m.snapshotTakenAt, mapper.readValue(m.snapshot, MatrixView.class));
        } catch (Exception e) {
            throw new IllegalStateException("Stored snapshot of " + engagementId + " is unreadable", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<EngagementReadinessView> readiness(Collection<UUID> engagementIds, int page, int size) {
        var query = matrices.forPartner(caller.partnerId(), engagementIds).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(SsatMapper::readinessView).toList(), page, size, query.count());
    }

    public MatrixView updateFactor(UUID engagementId, Workload workload, SsatFactor factor, String ifMatch, UpdateFactor req) {
        SsatMatrix m = load(engagementId, ifMatch);
        IntendedService s = activeService(m, workload);
        SsatFactorState f = s.factor(factor);
        validate(f.status, req);
        FactorStatus previous = f.status;
        f.status = req.status();
        f.gap = req.status() == FactorStatus.GAP_IDENTIFIED ? req.gap().trim() : null;
        f.reason = req.status() == FactorStatus.NOT_APPLICABLE ? req.reason().trim() : null;
        if (req.owner() != null) {
            f.owner = req.owner().isBlank() ? null : req.owner().trim();
        }
        f.changedBy = caller.actor();
        f.changedAt = Instant.now();
        support.touch(m);
        outbox.append("SsatFactorUpdated", engagementId.toString(), new SsatEvents.SsatFactorUpdated(m.engagementId, m.partnerId,
                workload, factor, previous, f.status, f.gap, f.reason, f.owner, f.changedBy, f.changedAt));
        support.publishReadiness(m);
        em.flush();
        return SsatMapper.view(m);
    }

    /** Outcomes: "or records why the customer has none" — the service counts as recorded with this reason. */
    public MatrixView markNoPrerequisites(UUID engagementId, Workload workload, String ifMatch, String reason) {
        SsatMatrix m = load(engagementId, ifMatch);
        IntendedService s = activeService(m, workload);
        s.noPrerequisitesReason = reason.trim();
        s.noPrerequisitesBy = caller.actor();
        s.noPrerequisitesAt = Instant.now();
        support.touch(m);
        support.publishReadiness(m);
        em.flush();
        return SsatMapper.view(m);
    }

    public MatrixView clearNoPrerequisites(UUID engagementId, Workload workload, String ifMatch) {
        SsatMatrix m = load(engagementId, ifMatch);
        IntendedService s = activeService(m, workload);
        s.noPrerequisitesReason = null;
        s.noPrerequisitesBy = caller.actor();
        s.noPrerequisitesAt = Instant.now();
        support.touch(m);
        support.publishReadiness(m);
        em.flush();
        return SsatMapper.view(m);
    }

    /** NOT_STARTED is only the initial state; a gap needs its text and "not applicable" its reason. */
    static void validate(FactorStatus current, UpdateFactor req) {
        if (req.status() == FactorStatus.NOT_STARTED && current != FactorStatus.NOT_STARTED) {
            throw ProblemException.invalid("status", "cannot go back to NOT_STARTED from " + current
                    + "; use IN_PROGRESS, GAP_IDENTIFIED or NOT_APPLICABLE");
        }
        if (req.status() == FactorStatus.GAP_IDENTIFIED && (req.gap() == null || req.gap().isBlank())) {
            throw ProblemException.invalid("gap", "is required when status is GAP_IDENTIFIED");
        }
        if (req.status() == FactorStatus.NOT_APPLICABLE && (req.reason() == null || req.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required when status is NOT_APPLICABLE");
        }
    }

    private IntendedService activeService(SsatMatrix m, Workload workload) {
        IntendedService s = m.service(workload)
                .orElseThrow(() -> ProblemException.notFound("Service " + workload + " in the SSAT matrix of engagement " + m.engagementId));
        if (s.retiredAt != null) {
            throw ProblemException.conflict("ssat.service-retired",
                    "Service " + workload + " was removed from the intended services; its SSAT is kept read-only");
        }
        return s;
    }

    /** Loads the caller's matrix and checks If-Match (required); the stale check is repeated by @Version at flush. */
    SsatMatrix load(UUID engagementId, String ifMatch) {
        SsatMatrix m = matrices.findForPartner(engagementId, caller.partnerId())
                .orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + engagementId));
        ExpectedVersion.check(ifMatch, m.etag());
        return m;
    }
}
