package com.successworkshop.ssat.application;

import com.successworkshop.ssat.application.SsatViews.EngagementReadinessView;
import com.successworkshop.ssat.application.SsatViews.FactorView;
import com.successworkshop.ssat.application.SsatViews.GapView;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.application.SsatViews.ReadinessView;
import com.successworkshop.ssat.application.SsatViews.ServiceReview;
import com.successworkshop.ssat.application.SsatViews.ServiceView;
import com.successworkshop.ssat.application.SsatViews.SuccessReviewReadiness;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SsatFactorState;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SsatReadiness;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.SuccessReview;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Aggregates to views; what they mean (readiness, gaps, progress) the aggregates compute. */
public final class SsatMapper {

    private SsatMapper() {
    }

    public static MatrixView view(SsatMatrix m) {
        List<ServiceView> services = m.services().stream()
                .sorted(Comparator.comparing(IntendedService::retired).thenComparing(s -> s.workload().name()))
                .map(SsatMapper::view).toList();
        return new MatrixView(m.engagementId(), m.partnerId(), m.version(), services, readiness(m), gaps(m), m.snapshotTakenAt(),
                m.createdAt(), m.updatedAt());
    }

    public static ServiceView view(IntendedService s) {
        List<FactorView> factors = s.factors().stream().sorted(Comparator.comparing(SsatFactorState::factor)).map(SsatMapper::view).toList();
        return new ServiceView(s.workload(), s.retired(), s.addedAt(), s.retiredAt(), s.noPrerequisitesReason() != null,
                s.noPrerequisitesReason(), s.recorded(), factors);
    }

    public static FactorView view(SsatFactorState f) {
        return new FactorView(f.factor(), f.status(), f.gap(), f.reason(), f.owner(), f.changedBy(), f.changedAt());
    }

    public static ReadinessView readiness(SsatMatrix m) {
        SsatReadiness r = m.readiness();
        return new ReadinessView(r.servicesRecorded(), r.servicesTotal(), r.allRecorded(), r.missingServices(), r.factorsInPlace(),
                r.factorsTotal(), r.gaps());
    }

    public static List<GapView> gaps(SsatMatrix m) {
        return m.gaps().stream()
                .map(f -> new GapView(f.service().workload(), f.factor(), f.gap(), f.owner(), f.changedBy(), f.changedAt()))
                .toList();
    }

    public static EngagementReadinessView readinessView(SsatMatrix m) {
        return new EngagementReadinessView(m.engagementId(), readiness(m), m.updatedAt());
    }

    public static MetricView view(SuccessMetric m, Optional<MetricMeasurement> latest) {
        BigDecimal value = latest.map(MetricMeasurement::value).orElse(null);
        return new MetricView(m.id(), m.engagementId(), m.workload(), m.kind(), m.name(), m.unit(), m.baseline(), m.target(),
                m.dueDate(), m.owner(), value, latest.map(MetricMeasurement::measuredAt).orElse(null), m.progress(value),
                m.targetMet(value), m.version(), m.createdAt(), m.updatedAt());
    }

    public static MeasurementView view(MetricMeasurement m) {
        return new MeasurementView(m.id(), m.metricId(), m.value(), m.measuredAt(), m.source(), m.recordedBy(), m.recordedAt());
    }

    public static SuccessReviewReadiness view(UUID engagementId, SuccessReview review) {
        List<ServiceReview> services = review.services().stream()
                .map(s -> new ServiceReview(s.service(), s.activeUsagePercent(), s.customMetricsMet(), s.ready(), s.reason()))
                .toList();
        return new SuccessReviewReadiness(engagementId, review.ready(), review.activeUsageThreshold(), services);
    }
}
