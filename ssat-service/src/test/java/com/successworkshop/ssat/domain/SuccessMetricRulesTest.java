package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Success metrics and the success-review trigger (playbook: Measuring success), without database or HTTP. */
class SuccessMetricRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final BigDecimal TEN = BigDecimal.TEN;

    private static SsatMatrix matrix(Workload... services) {
        return SsatMatrix.open(UUID.randomUUID(), "p1", "Contoso Ltd", List.of(services), T0, T0);
    }

    private static SuccessMetric.Definition usage(Workload w, int baseline, int target) {
        return new SuccessMetric.Definition(w, MetricKind.ACTIVE_USAGE_PERCENT, " Active users % ", "%", BigDecimal.valueOf(baseline),
                BigDecimal.valueOf(target), LocalDate.of(2027, 6, 30), "Aiko");
    }

    private static SuccessMetric.Definition custom(Workload w, int baseline, int target) {
        return new SuccessMetric.Definition(w, null, "Sites", null, BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), null, null);
    }

    @Test
    void aMetricBelongsToAnIntendedService() {
        SsatMatrix m = matrix(Workload.OD, Workload.SPO);
        SuccessMetric metric = SuccessMetric.define(m, usage(Workload.OD, 0, 40), T0);
        assertEquals(m.engagementId(), metric.engagementId());
        assertEquals("Active users %", metric.name());
        assertEquals(MetricKind.CUSTOM, SuccessMetric.define(m, custom(Workload.OD, 0, 1), T0).kind(), "no kind is CUSTOM");
        var notIntended = assertThrows(DomainException.InvalidInput.class, () -> SuccessMetric.define(m, usage(Workload.TEAMS, 0, 40), T0));
        assertEquals("service", notIntended.fields().get(0).field());

        m.changeIntendedServices(T0.plusSeconds(1), List.of(Workload.OD), null, null, T0);
        assertThrows(DomainException.InvalidInput.class, () -> SuccessMetric.define(m, usage(Workload.SPO, 0, 40), T0), "retired");
        assertThrows(DomainException.InvalidInput.class, () -> metric.redefine(m, usage(Workload.SPO, 0, 40), T0), "moved to a retired one");
        metric.redefine(m, usage(Workload.OD, 0, 20), T0.plusSeconds(9));
        assertEquals(BigDecimal.valueOf(20), metric.target());
        assertEquals(T0.plusSeconds(9), metric.updatedAt());
        assertTrue(metric.takeEvents().isEmpty(), "metrics publish no events");
    }

    @Test
    void aMetricOnASinceRetiredServiceCanStillBeChanged() {
        SsatMatrix m = matrix(Workload.OD, Workload.SPO);
        SuccessMetric metric = SuccessMetric.define(m, usage(Workload.SPO, 0, 40), T0);
        m.changeIntendedServices(T0.plusSeconds(1), List.of(Workload.OD), null, null, T0);
        metric.redefine(m, usage(Workload.SPO, 5, 40), T0);
        assertEquals(BigDecimal.valueOf(5), metric.baseline());
    }

    @Test
    void aMeasurementMayNotBeInTheFuture() {
        SuccessMetric metric = SuccessMetric.define(matrix(Workload.OD), usage(Workload.OD, 0, 40), T0);
        MetricMeasurement mm = metric.record(BigDecimal.valueOf(6), T0.plusSeconds(300), "M365 usage reports", "fm", T0);
        assertEquals(metric.id(), mm.metricId());
        assertEquals("fm", mm.recordedBy());
        assertEquals(T0, metric.updatedAt());
        var future = assertThrows(DomainException.InvalidInput.class,
                () -> metric.record(BigDecimal.ONE, T0.plusSeconds(301), null, "fm", T0));
        assertEquals("measuredAt", future.fields().get(0).field());
    }

    @Test
    void progressRunsFromBaselineToTargetClampedAndWorksForFallingTargets() {
        SuccessMetric rising = SuccessMetric.define(matrix(Workload.OD), usage(Workload.OD, 0, 40), T0);
        assertEquals(BigDecimal.ZERO, rising.progress(null));
        assertEquals(new BigDecimal("25.0"), rising.progress(TEN));
        assertEquals(new BigDecimal("100.0"), rising.progress(BigDecimal.valueOf(55)));
        assertEquals(new BigDecimal("0.0"), rising.progress(BigDecimal.valueOf(-5)));
        assertFalse(rising.targetMet(BigDecimal.valueOf(39)));
        assertTrue(rising.targetMet(BigDecimal.valueOf(40)));
        assertFalse(rising.targetMet(null));

        SuccessMetric falling = SuccessMetric.define(matrix(Workload.OD), custom(Workload.OD, 100, 20), T0);
        assertEquals(new BigDecimal("50.0"), falling.progress(BigDecimal.valueOf(60)));
        assertTrue(falling.targetMet(BigDecimal.valueOf(20)));
        assertFalse(falling.targetMet(BigDecimal.valueOf(21)));

        SuccessMetric flat = SuccessMetric.define(matrix(Workload.OD), custom(Workload.OD, 10, 10), T0);
        assertEquals(BigDecimal.valueOf(100), flat.progress(TEN));
        assertEquals(BigDecimal.ZERO, flat.progress(BigDecimal.valueOf(9)));
    }

    @Test
    void theSuccessReviewIsDueAtTenPercentActiveUsageOnEveryIntendedServiceOrTheCustomersOwnMetricsMet() {
        SsatMatrix m = matrix(Workload.OD, Workload.TEAMS, Workload.SPO);
        SuccessMetric od = SuccessMetric.define(m, usage(Workload.OD, 0, 40), T0);
        SuccessMetric teams = SuccessMetric.define(m, usage(Workload.TEAMS, 0, 40), T0);
        SuccessMetric spo = SuccessMetric.define(m, custom(Workload.SPO, 0, 5), T0);
        List<SuccessMetric> all = List.of(od, teams, spo);

        SuccessReview review = SuccessReview.of(m, all, Map.of(od.id(), new BigDecimal("12.0"), teams.id(), new BigDecimal("9.5")), TEN);
        assertFalse(review.ready());
        assertEquals(List.of("active usage 12 % >= 10 %", "active usage 9.5 % < 10 %", "no active-usage measurement yet"),
                review.services().stream().map(SuccessReview.ServiceReview::reason).toList());

        review = SuccessReview.of(m, all, Map.of(od.id(), TEN, teams.id(), TEN, spo.id(), BigDecimal.valueOf(5)), TEN);
        assertTrue(review.ready());
        assertEquals("the customer's own metrics are met", review.services().get(2).reason());

        m.changeIntendedServices(T0.plusSeconds(1), List.of(), null, null, T0);
        assertFalse(SuccessReview.of(m, all, Map.of(), TEN).ready(), "no intended service: nothing to review");
    }
}
