package com.successworkshop.ssat.application;

import com.successworkshop.kit.domain.Versioned;
import com.successworkshop.ssat.domain.FactorStatus;
import com.successworkshop.ssat.domain.MetricKind;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.Workload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the SSAT use cases take and return: the request and response bodies of the SSAT API. */
public final class SsatViews {

    private SsatViews() {
    }

    @Schema(description = "One success factor of one service")
    public record FactorView(SsatFactor factor, FactorStatus status, String gap, String reason, String owner,
                             String changedBy, Instant changedAt) {
    }

    public record ServiceView(Workload service, @NotNull boolean retired, Instant addedAt, Instant retiredAt,
                              @NotNull boolean noPrerequisites, String noPrerequisitesReason, @NotNull boolean recorded, List<FactorView> factors) {
    }

    @Schema(description = "Outcomes: a service is recorded when none of its factors is NOT_STARTED, or it is marked with a reason")
    public record ReadinessView(@NotNull int servicesRecorded, @NotNull int servicesTotal, @NotNull boolean allRecorded, List<Workload> missingServices,
                                @NotNull int factorsInPlace, @NotNull int factorsTotal, @NotNull int gaps) {
    }

    public record GapView(Workload service, SsatFactor factor, String gap, String owner, String changedBy, Instant changedAt) {
    }

    public record MatrixView(UUID engagementId, String partnerId, @NotNull long version, List<ServiceView> services, ReadinessView readiness,
                             List<GapView> gaps, Instant snapshotTakenAt, Instant createdAt, Instant updatedAt) implements Versioned {
    }

    public record SnapshotView(UUID engagementId, Instant takenAt, MatrixView matrix) {
    }

    public record EngagementReadinessView(UUID engagementId, ReadinessView readiness, Instant updatedAt) {
    }

    @Schema(description = "GAP_IDENTIFIED needs gap; NOT_APPLICABLE needs reason; NOT_STARTED cannot be set again once left")
    public record UpdateFactor(@NotNull FactorStatus status,
                               @Size(max = 2000) String gap,
                               @Size(max = 2000) String reason,
                               @Size(max = 200) String owner) {
    }

    public record MarkNoPrerequisites(@NotBlank @Size(max = 2000) String reason) {
    }

    public record MetricInput(@NotNull Workload service,
                              @Schema(description = "ACTIVE_USAGE_PERCENT feeds the success-review trigger; default CUSTOM") MetricKind kind,
                              @NotBlank @Size(max = 200) String name,
                              @Size(max = 40) String unit,
                              @NotNull BigDecimal baseline,
                              @NotNull BigDecimal target,
                              LocalDate dueDate,
                              @Size(max = 200) String owner) {

        public SuccessMetric.Definition definition() {
            return new SuccessMetric.Definition(service, kind, name, unit, baseline, target, dueDate, owner);
        }
    }

    public record MetricView(@NotNull UUID id, UUID engagementId, Workload service, MetricKind kind, String name, String unit,
                             BigDecimal baseline, BigDecimal target, LocalDate dueDate, String owner,
                             BigDecimal latestValue, Instant latestMeasuredAt,
                             @Schema(description = "(latest - baseline) / (target - baseline), in %, 0 when nothing was measured")
                             BigDecimal progressPercent,
                             @NotNull boolean targetMet, @NotNull long version, Instant createdAt, Instant updatedAt) implements Versioned {
    }

    public record MeasurementInput(@NotNull BigDecimal value, @NotNull Instant measuredAt, @Size(max = 200) String source) {
    }

    public record MeasurementView(@NotNull UUID id, UUID metricId, BigDecimal value, Instant measuredAt, String source,
                                  String recordedBy, Instant recordedAt) {
    }

    public record ServiceReview(Workload service, BigDecimal activeUsagePercent, @NotNull boolean customMetricsMet, @NotNull boolean ready,
                                String reason) {
    }

    @Schema(description = "Playbook facts: success review when >= 10 % active usage on every intended service (or the customer's own metrics met)")
    public record SuccessReviewReadiness(UUID engagementId, @NotNull boolean ready, BigDecimal activeUsageThreshold,
                                         List<ServiceReview> services) {
    }
}
