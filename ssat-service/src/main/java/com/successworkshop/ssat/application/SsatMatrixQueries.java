package com.successworkshop.ssat.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.ssat.application.SsatViews.EngagementReadinessView;
import com.successworkshop.ssat.application.SsatViews.GapView;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import com.successworkshop.ssat.application.SsatViews.SnapshotView;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SSAT matrix as the FastTrack manager and the partner read it (playbook Outcomes: status and gaps verified). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SsatMatrixQueries {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    ObjectMapper mapper;

    public Optional<MatrixView> find(UUID engagementId) {
        return matrices.find(engagementId).map(SsatMapper::view);
    }

    public Optional<List<GapView>> gaps(UUID engagementId) {
        return matrices.find(engagementId).map(SsatMapper::gaps);
    }

    public SnapshotView snapshot(UUID engagementId) {
        SsatMatrix m = matrices.find(engagementId)
                .orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
        if (m.snapshot() == null) {
            throw DomainException.notFound("A snapshot (taken when the workshop completes) of engagement " + engagementId);
        }
        try {
            return new SnapshotView(m.engagementId(), m.snapshotTakenAt(), mapper.readValue(m.snapshot(), MatrixView.class));
        } catch (Exception e) {
            throw new IllegalStateException("Stored snapshot of " + engagementId + " is unreadable", e);
        }
    }

    public PageView<EngagementReadinessView> readiness(Collection<UUID> engagementIds, int page, int size) {
        return PageView.of(matrices.list(engagementIds), page, size, SsatMapper::readinessView);
    }
}
