package com.successworkshop.ssat.repository;

import com.successworkshop.ssat.domain.SuccessMetric;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SuccessMetricRepository implements PanacheRepositoryBase<SuccessMetric, UUID> {

    public Optional<SuccessMetric> findInEngagement(UUID engagementId, UUID metricId) {
        return find("id = :id and engagementId = :e", Parameters.with("id", metricId).and("e", engagementId)).firstResultOptional();
    }

    public List<SuccessMetric> ofEngagement(UUID engagementId) {
        return list("engagementId", Sort.ascending("workload", "name", "id"), engagementId);
    }
}
