package com.successworkshop.ssat.repository;

import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SuccessMetric;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SuccessMetricRepository implements PanacheRepositoryBase<SuccessMetric, UUID> {

    @Inject
    EntityManager em;

    public Optional<SuccessMetric> findInEngagement(UUID engagementId, UUID metricId) {
        return find("id = :id and engagementId = :e", Parameters.with("id", metricId).and("e", engagementId)).firstResultOptional();
    }

    public List<SuccessMetric> ofEngagement(UUID engagementId) {
        return list("engagementId", Sort.ascending("workload", "name", "id"), engagementId);
    }

    public void addMeasurement(MetricMeasurement m) {
        em.persist(m);
    }

    public List<MetricMeasurement> measurements(UUID metricId, int page, int size) {
        return em.createQuery("from MetricMeasurement where metricId = :id order by measuredAt desc, id", MetricMeasurement.class)
                .setParameter("id", metricId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countMeasurements(UUID metricId) {
        return em.createQuery("select count(m) from MetricMeasurement m where m.metricId = :id", Long.class)
                .setParameter("id", metricId).getSingleResult();
    }

    /** Whether this value was recorded already (the same report imported again). */
    public boolean hasMeasurement(UUID metricId, Instant measuredAt, String source) {
        return em.createQuery("select count(m) from MetricMeasurement m where m.metricId = :id and m.measuredAt = :at and m.source = :source", Long.class)
                .setParameter("id", metricId).setParameter("at", measuredAt).setParameter("source", source).getSingleResult() > 0;
    }

    public Optional<MetricMeasurement> latest(UUID metricId) {
        return measurements(metricId, 0, 1).stream().findFirst();
    }

    public void deleteWithMeasurements(SuccessMetric metric) {
        em.createQuery("delete from MetricMeasurement where metricId = :id").setParameter("id", metric.id()).executeUpdate();
        delete(metric);
    }
}
