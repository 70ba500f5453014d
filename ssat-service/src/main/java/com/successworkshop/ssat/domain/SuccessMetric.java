package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.AggregateRoot;
import com.successworkshop.kit.domain.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A success metric of one intended service (playbook: Measuring success), e.g. active users % from the M365 usage
 * reports: baseline, target, due date, owner, and the measured values recorded against it.
 */
@Entity
@Table(name = "success_metric")
public class SuccessMetric extends AggregateRoot {

    /** A measurement's clock may run a little ahead of ours; beyond this it is in the future. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(300);

    /** What the FM agrees with the customer about a metric; kind null means CUSTOM. */
    public record Definition(Workload service, MetricKind kind, String name, String unit, BigDecimal baseline, BigDecimal target,
                             LocalDate dueDate, String owner) {
    }

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID engagementId;
    @Enumerated(EnumType.STRING)
    private Workload workload;
    @Enumerated(EnumType.STRING)
    private MetricKind kind;
    private String name;
    private String unit;
    private BigDecimal baseline;
    private BigDecimal target;
    private LocalDate dueDate;
    private String owner;
    private Instant createdAt;
    private Instant updatedAt;

    protected SuccessMetric() {
    }

    /** Measuring success: a metric belongs to an intended service of the engagement's matrix. */
    public static SuccessMetric define(SsatMatrix matrix, Definition d, Instant now) {
        requireIntended(matrix, d.service());
        SuccessMetric metric = new SuccessMetric();
        metric.id = UUID.randomUUID();
        metric.engagementId = matrix.engagementId();
        metric.createdAt = now;
        metric.apply(d, now);
        return metric;
    }

    /** Moving the metric to another service needs that one intended; staying on a since-retired service is allowed. */
    public void redefine(SsatMatrix matrix, Definition d, Instant now) {
        if (d.service() != workload) {
            requireIntended(matrix, d.service());
        }
        apply(d, now);
    }

    /** Measuring success: a value measured (e.g. in the M365 usage reports) at a time not in the future. */
    public MetricMeasurement record(BigDecimal value, Instant measuredAt, String source, String actor, Instant now) {
        if (measuredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.invalid("measuredAt", "must not be in the future");
        }
        MetricMeasurement m = new MetricMeasurement(id, value, measuredAt, source, actor, now);
        updatedAt = now;
        return m;
    }

    /** Progress from baseline toward target in %, clamped to 0..100; works for falling targets too. */
    public BigDecimal progress(BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return targetMet(value) ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
        }
        BigDecimal pct = value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP);
        return pct.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    /** Met when the value reached the target in the direction from the baseline (a falling target is met from above). */
    public boolean targetMet(BigDecimal value) {
        if (value == null) {
            return false;
        }
        return target.compareTo(baseline) >= 0 ? value.compareTo(target) >= 0 : value.compareTo(target) <= 0;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    private void apply(Definition d, Instant now) {
        workload = d.service();
        kind = d.kind() == null ? MetricKind.CUSTOM : d.kind();
        name = d.name().trim();
        unit = d.unit();
        baseline = d.baseline();
        target = d.target();
        dueDate = d.dueDate();
        owner = d.owner();
        updatedAt = now;
    }

    private static void requireIntended(SsatMatrix matrix, Workload w) {
        if (!matrix.intends(w)) {
            throw DomainException.invalid("service", w + " is not an intended service of this engagement");
        }
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public UUID engagementId() {
        return engagementId;
    }

    public Workload workload() {
        return workload;
    }

    public MetricKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal baseline() {
        return baseline;
    }

    public BigDecimal target() {
        return target;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
