package com.successworkshop.ssat.repository;

import com.successworkshop.ssat.domain.SsatMatrix;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SsatMatrixRepository implements PanacheRepositoryBase<SsatMatrix, UUID> {

    /** In a request, only the caller's partner's matrix is found (the partner filter); no partner to pass. */
    public Optional<SsatMatrix> find(UUID engagementId) {
        return findByIdOptional(engagementId);
    }

    /** The caller's matrices (the partner filter), optionally only the given engagements (dashboards). */
    public PanacheQuery<SsatMatrix> list(Collection<UUID> engagementIds) {
        if (engagementIds == null || engagementIds.isEmpty()) {
            return findAll(Sort.descending("createdAt").and("engagementId"));
        }
        return find("engagementId in :ids", Sort.descending("createdAt").and("engagementId"), Parameters.with("ids", engagementIds));
    }
}
