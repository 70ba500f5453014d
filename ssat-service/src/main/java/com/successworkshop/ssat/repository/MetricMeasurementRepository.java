package com.successworkshop.ssat.repository;

import com.successworkshop.ssat.domain.MetricMeasurement;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The values measured for a success metric; callers find the metric first (partner scoping). */
@ApplicationScoped
public class MetricMeasurementRepository implements PanacheRepositoryBase<MetricMeasurement, UUID> {

    /** Newest first. */
    public PanacheQuery<MetricMeasurement> of(UUID metricId) {
        return find("metricId", Sort.descending("measuredAt").and("id"), metricId);
    }

    public Optional<MetricMeasurement> latest(UUID metricId) {
        return of(metricId).firstResultOptional();
    }

    /** Whether this value was recorded already (the same report imported again). */
    public boolean recorded(UUID metricId, Instant measuredAt, String source) {
        return count("metricId = :id and measuredAt = :at and source = :source",
                Parameters.with("id", metricId).and("at", measuredAt).and("source", source)) > 0;
    }

    public void deleteOf(UUID metricId) {
        delete("metricId", metricId);
    }
}
