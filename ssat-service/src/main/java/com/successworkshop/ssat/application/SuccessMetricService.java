package com.successworkshop.ssat.application;

import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.MetricKind;
import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessMetricRepository;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.ssat.application.SsatViews.MeasurementInput;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricInput;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.application.SsatViews.PageView;
import com.successworkshop.ssat.application.SsatViews.ServiceReview;
import com.successworkshop.ssat.application.SsatViews.SuccessReviewReadiness;
import com.successworkshop.kit.security.CurrentPartner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Success metrics per intended service and their measurements (playbook: Measuring success). */
@ApplicationScoped
@Transactional
public class SuccessMetricService {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessMetricRepository metrics;
    @Inject
    CurrentPartner caller;
    @Inject
    EntityManager em;

    // Playbook facts: success review at >= 10 % active usage on every intended service.
    @ConfigProperty(name = "workshop.success-review.active-usage-threshold", defaultValue = "10")
    BigDecimal activeUsageThreshold;

    public MetricView create(UUID engagementId, MetricInput in) {
        SsatMatrix m = matrix(engagementId);
        activeService(m, in.service());
        SuccessMetric metric = new SuccessMetric();
        metric.id = UUID.randomUUID();
        metric.engagementId = engagementId;
        metric.createdAt = Instant.now();
        apply(metric, in);
        metrics.persist(metric);
        em.flush();
        return SsatMapper.view(metric, Optional.empty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<MetricView>> list(UUID engagementId) {
        return matrices.findForPartner(engagementId, caller.partnerId())
                .map(m -> metrics.ofEngagement(engagementId).stream().map(x -> SsatMapper.view(x, metrics.latest(x.id))).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MetricView get(UUID engagementId, UUID metricId) {
        SuccessMetric metric = metric(engagementId, metricId);
        return SsatMapper.view(metric, metrics.latest(metricId));
    }

    public MetricView update(UUID engagementId, UUID metricId, String ifMatch, MetricInput in) {
        SuccessMetric metric = metric(engagementId, metricId);
        ExpectedVersion.check(ifMatch, metric.etag());
        if (in.service() != metric.workload) {
            activeService(matrix(engagementId), in.service());
        }
        apply(metric, in);
        em.flush();
        return SsatMapper.view(metric, metrics.latest(metricId));
    }

    public void delete(UUID engagementId, UUID metricId, String ifMatch) {
        SuccessMetric metric = metric(engagementId, metricId);
        ExpectedVersion.check(ifMatch, metric.etag());
        metrics.deleteWithMeasurements(metric);
    }

    public MeasurementView addMeasurement(UUID engagementId, UUID metricId, MeasurementInput in) {
        SuccessMetric metric = metric(engagementId, metricId);
        if (in.measuredAt().isAfter(Instant.now().plusSeconds(300))) {
            throw ProblemException.invalid("measuredAt", "must not be in the future");
        }
        MetricMeasurement mm = new MetricMeasurement();
        mm.id = UUID.randomUUID();
        mm.metricId = metric.id;
        mm.value = in.value();
        mm.measuredAt = in.measuredAt();
        mm.source = in.source();
        mm.recordedBy = caller.actor();
        mm.recordedAt = Instant.now();
        metrics.addMeasurement(mm);
        metric.updatedAt = mm.recordedAt;
        return SsatMapper.view(mm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<MeasurementView> measurements(UUID engagementId, UUID metricId, int page, int size) {
        metric(engagementId, metricId);
        return new PageView<>(metrics.measurements(metricId, page, size).stream().map(SsatMapper::view).toList(), page, size,
                metrics.countMeasurements(metricId));
    }

    /**
     * Playbook facts: the success review is due at >= 10 % active usage on every intended service, or when the
     * customer's own metrics are met. A service with neither measured is not ready.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SuccessReviewReadiness successReviewReadiness(UUID engagementId) {
        SsatMatrix m = matrix(engagementId);
        List<SuccessMetric> all = metrics.ofEngagement(engagementId);
        List<ServiceReview> reviews = new ArrayList<>();
        for (IntendedService s : m.activeServices()) {
            List<SuccessMetric> mine = all.stream().filter(x -> x.workload == s.workload).toList();
            BigDecimal usage = mine.stream().filter(x -> x.kind == MetricKind.ACTIVE_USAGE_PERCENT)
                    .map(x -> metrics.latest(x.id).map(v -> v.value).orElse(null))
                    .filter(v -> v != null).max(BigDecimal::compareTo).orElse(null);
            List<SuccessMetric> custom = mine.stream().filter(x -> x.kind == MetricKind.CUSTOM).toList();
            boolean customMet = !custom.isEmpty()
                    && custom.stream().allMatch(x -> SsatMapper.targetMet(x, metrics.latest(x.id).map(v -> v.value).orElse(null)));
            boolean usageMet = usage != null && usage.compareTo(activeUsageThreshold) >= 0;
            String reason = usageMet ? "active usage " + usage.stripTrailingZeros().toPlainString() + " % >= " + activeUsageThreshold + " %"
                    : customMet ? "the customer's own metrics are met"
                    : usage == null ? "no active-usage measurement yet"
                    : "active usage " + usage.stripTrailingZeros().toPlainString() + " % < " + activeUsageThreshold + " %";
            reviews.add(new ServiceReview(s.workload, usage, customMet, usageMet || customMet, reason));
        }
        boolean ready = !reviews.isEmpty() && reviews.stream().allMatch(ServiceReview::ready);
        return new SuccessReviewReadiness(engagementId, ready, activeUsageThreshold, reviews);
    }

    private static void apply(SuccessMetric metric, MetricInput in) {
        metric.workload = in.service();
        metric.kind = in.kind() == null ? MetricKind.CUSTOM : in.kind();
        metric.name = in.name().trim();
        metric.unit = in.unit();
        metric.baseline = in.baseline();
        metric.target = in.target();
        metric.dueDate = in.dueDate();
        metric.owner = in.owner();
        metric.updatedAt = Instant.now();
    }

    private SsatMatrix matrix(UUID engagementId) {
        return matrices.findForPartner(engagementId, caller.partnerId())
                .orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + engagementId));
    }

    private SuccessMetric metric(UUID engagementId, UUID metricId) {
        matrix(engagementId);
        return metrics.findInEngagement(engagementId, metricId)
                .orElseThrow(() -> ProblemException.notFound("Success metric " + metricId));
    }

    private static void activeService(SsatMatrix m, Workload w) {
        if (m.service(w).filter(s -> s.retiredAt == null).isEmpty()) {
            throw ProblemException.invalid("service", w + " is not an intended service of this engagement");
        }
    }
}
