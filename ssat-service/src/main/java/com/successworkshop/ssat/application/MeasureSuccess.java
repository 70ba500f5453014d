package com.successworkshop.ssat.application;

import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.ssat.application.SsatViews.MeasurementInput;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricInput;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.repository.MetricMeasurementRepository;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessMetricRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Playbook: Measuring success — success metrics per intended service, their targets and measured values. */
@ApplicationScoped
@Transactional
public class MeasureSuccess {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessMetricRepository metrics;
    @Inject
    MetricMeasurementRepository measurements;
    @Inject
    UnitOfWork work;
    @Inject
    CurrentPartner caller;

    public MetricView defineMetric(UUID engagementId, MetricInput in) {
        SuccessMetric metric = work.add(SuccessMetric.define(matrix(engagementId), in.definition(), Instant.now()));
        return SsatMapper.view(metric, Optional.empty());
    }

    public MetricView redefineMetric(UUID engagementId, UUID metricId, String ifMatch, MetricInput in) {
        SsatMatrix m = matrix(engagementId);
        SuccessMetric metric = metric(engagementId, metricId);
        ExpectedVersion.check(ifMatch, metric.etag());
        metric.redefine(m, in.definition(), Instant.now());
        return SsatMapper.view(work.complete(metric), measurements.latest(metricId));
    }

    public void deleteMetric(UUID engagementId, UUID metricId, String ifMatch) {
        matrix(engagementId);
        SuccessMetric metric = metric(engagementId, metricId);
        ExpectedVersion.check(ifMatch, metric.etag());
        measurements.deleteOf(metric.id());
        metrics.delete(metric);
    }

    public MeasurementView recordMeasurement(UUID engagementId, UUID metricId, MeasurementInput in) {
        matrix(engagementId);
        SuccessMetric metric = metric(engagementId, metricId);
        MetricMeasurement measurement = metric.record(in.value(), in.measuredAt(), in.source(), caller.actor(), Instant.now());
        measurements.persist(measurement);
        work.complete(metric);
        return SsatMapper.view(measurement);
    }

    /** The caller's matrix: another partner's engagement, and its metrics, are simply not found. */
    private SsatMatrix matrix(UUID engagementId) {
        return matrices.find(engagementId)
                .orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
    }

    private SuccessMetric metric(UUID engagementId, UUID metricId) {
        return metrics.findInEngagement(engagementId, metricId)
                .orElseThrow(() -> DomainException.notFound("Success metric " + metricId));
    }
}
