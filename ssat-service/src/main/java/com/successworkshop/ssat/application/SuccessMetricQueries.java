package com.successworkshop.ssat.application;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.application.SsatViews.SuccessReviewReadiness;
import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.SuccessReview;
import com.successworkshop.ssat.repository.MetricMeasurementRepository;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessMetricRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Success metrics as they stand, and whether the success review is due (playbook: Measuring success). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuccessMetricQueries {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessMetricRepository metrics;
    @Inject
    MetricMeasurementRepository measurements;

    // Playbook facts: success review at >= 10 % active usage on every intended service.
    @ConfigProperty(name = "workshop.success-review.active-usage-threshold", defaultValue = "10")
    BigDecimal activeUsageThreshold;

    public Optional<List<MetricView>> list(UUID engagementId) {
        return matrices.find(engagementId)
                .map(m -> metrics.ofEngagement(engagementId).stream().map(x -> SsatMapper.view(x, measurements.latest(x.id()))).toList());
    }

    public MetricView get(UUID engagementId, UUID metricId) {
        return SsatMapper.view(metric(engagementId, metricId), measurements.latest(metricId));
    }

    public PageView<MeasurementView> measurements(UUID engagementId, UUID metricId, int page, int size) {
        metric(engagementId, metricId);
        return PageView.of(measurements.of(metricId), page, size, SsatMapper::view);
    }

    public SuccessReviewReadiness successReviewReadiness(UUID engagementId) {
        SsatMatrix m = matrix(engagementId);
        List<SuccessMetric> all = metrics.ofEngagement(engagementId);
        Map<UUID, BigDecimal> latest = new HashMap<>();
        for (SuccessMetric x : all) {
            measurements.latest(x.id()).map(MetricMeasurement::value).ifPresent(v -> latest.put(x.id(), v));
        }
        return SsatMapper.view(engagementId, SuccessReview.of(m, all, latest, activeUsageThreshold));
    }

    private SsatMatrix matrix(UUID engagementId) {
        return matrices.find(engagementId)
                .orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
    }

    private SuccessMetric metric(UUID engagementId, UUID metricId) {
        matrix(engagementId);
        return metrics.findInEngagement(engagementId, metricId)
                .orElseThrow(() -> DomainException.notFound("Success metric " + metricId));
    }
}
