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

    /** Partner scoping lives in the query: another partner's matrix is simply not found. */
    public Optional<SsatMatrix> findForPartner(UUID engagementId, String partnerId) {
        return find("engagementId = :id and partnerId = :partner", Parameters.with("id", engagementId).and("partner", partnerId))
                .firstResultOptional();
    }

    /** The partner's matrices, optionally only the given engagements (dashboards). */
    public PanacheQuery<SsatMatrix> forPartner(String partnerId, Collection<UUID> engagementIds) {
        if (engagementIds == null || engagementIds.isEmpty()) {
            return find("partnerId = :partner", Sort.descending("createdAt").and("engagementId"), Parameters.with("partner", partnerId));
        }
        return find("partnerId = :partner and engagementId in :ids", Sort.descending("createdAt").and("engagementId"),
                Parameters.with("partner", partnerId).and("ids", engagementIds));
    }
}
