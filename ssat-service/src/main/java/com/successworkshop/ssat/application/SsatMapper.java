package com.successworkshop.ssat.application;

import com.successworkshop.ssat.domain.FactorStatus;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.MetricMeasurement;
import com.successworkshop.ssat.domain.SsatFactorState;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.domain.SsatEvents;
import com.successworkshop.ssat.application.SsatViews.EngagementReadinessView;
import com.successworkshop.ssat.application.SsatViews.FactorView;
import com.successworkshop.ssat.application.SsatViews.GapView;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.application.SsatViews.ReadinessView;
import com.successworkshop.ssat.application.SsatViews.ServiceView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Entities to views and events; readiness is computed here, in one place. */
public final class SsatMapper {

    private SsatMapper() {
    }

    public static MatrixView view(SsatMatrix m) {
        List<ServiceView> services = m.services.stream()
                .sorted(Comparator.comparing((IntendedService s) -> s.retiredAt != null).thenComparing(s -> s.workload.name()))
                .map(SsatMapper::view).toList();
        return new MatrixView(m.engagementId, m.partnerId, m.version, services, readiness(m), gaps(m), m.snapshotTakenAt,
                m.createdAt, m.updatedAt);
    }

    public static ServiceView view(IntendedService s) {
        List<FactorView> factors = s.factors.stream().sorted(Comparator.comparing(f -> f.factor)).map(SsatMapper::view).toList();
        return new ServiceView(s.workload, s.retiredAt != null, s.addedAt, s.retiredAt, s.noPrerequisitesReason != null,
                s.noPrerequisitesReason, s.recorded(), factors);
    }

    public static FactorView view(SsatFactorState f) {
        return new FactorView(f.factor, f.status, f.gap, f.reason, f.owner, f.changedBy, f.changedAt);
    }

    /** Outcomes: retired services are excluded; a service is recorded when every factor is set or it is marked with a reason. */
    public static ReadinessView readiness(SsatMatrix m) {
        List<IntendedService> active = m.activeServices();
        int recorded = (int) active.stream().filter(IntendedService::recorded).count();
        var missing = active.stream().filter(s -> !s.recorded()).map(s -> s.workload).sorted(Comparator.comparing(Workload::name)).toList();
        int inPlace = (int) active.stream().flatMap(s -> s.factors.stream()).filter(f -> f.status == FactorStatus.IN_PLACE).count();
        int factorsTotal = active.stream().mapToInt(s -> s.factors.size()).sum();
        return new ReadinessView(recorded, active.size(), recorded == active.size(), missing, inPlace, factorsTotal, gaps(m).size());
    }

    public static List<GapView> gaps(SsatMatrix m) {
        return m.activeServices().stream()
                .sorted(Comparator.comparing(s -> s.workload.name()))
                .flatMap(s -> s.factors.stream().sorted(Comparator.comparing(f -> f.factor)))
                .filter(f -> f.status == FactorStatus.GAP_IDENTIFIED)
                .map(f -> new GapView(f.service.workload, f.factor, f.gap, f.owner, f.changedBy, f.changedAt))
                .toList();
    }

    public static EngagementReadinessView readinessView(SsatMatrix m) {
        return new EngagementReadinessView(m.engagementId, readiness(m), m.updatedAt);
    }

    public static SsatEvents.SsatReadinessChanged readinessEvent(SsatMatrix m) {
        ReadinessView r = readiness(m);
        return new SsatEvents.SsatReadinessChanged(m.engagementId, m.partnerId, r.servicesRecorded(), r.servicesTotal(),
                r.allRecorded(), r.missingServices(), r.gaps(), r.factorsInPlace(), r.factorsTotal());
    }

    public static MetricView view(SuccessMetric m, Optional<MetricMeasurement> latest) {
        BigDecimal value = latest.map(x -> x.value).orElse(null);
        return new MetricView(m.id, m.engagementId, m.workload, m.kind, m.name, m.unit, m.baseline, m.target, m.dueDate, m.owner,
                value, latest.map(x -> x.measuredAt).orElse(null), progress(m, value), targetMet(m, value), m.version,
                m.createdAt, m.updatedAt);
    }

    /** Progress from baseline toward target in %, clamped to 0..100; works for falling targets too. */
    public static BigDecimal progress(SuccessMetric m, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal span = m.target.subtract(m.baseline);
        if (span.signum() == 0) {
            return targetMet(m, value) ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
        }
        BigDecimal pct = value.subtract(m.baseline).multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP);
        return pct.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    public static boolean targetMet(SuccessMetric m, BigDecimal value) {
        if (value == null) {
            return false;
        }
        return m.target.compareTo(m.baseline) >= 0 ? value.compareTo(m.target) >= 0 : value.compareTo(m.target) <= 0;
    }

    public static MeasurementView view(MetricMeasurement m) {
        return new MeasurementView(m.id, m.metricId, m.value, m.measuredAt, m.source, m.recordedBy, m.recordedAt);
    }
}
