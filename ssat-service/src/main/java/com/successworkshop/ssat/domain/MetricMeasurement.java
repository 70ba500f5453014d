package com.successworkshop.ssat.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One measured value of a success metric at a point in time, with where it came from. */
@Entity
@Table(name = "metric_measurement")
public class MetricMeasurement {

    @Id
    private UUID id;

    private UUID metricId;
    private BigDecimal value;
    private Instant measuredAt;
    private String source;
    private String recordedBy;
    private Instant recordedAt;

    protected MetricMeasurement() {
    }

    MetricMeasurement(UUID metricId, BigDecimal value, Instant measuredAt, String source, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.metricId = metricId;
        this.value = value;
        this.measuredAt = measuredAt;
        this.source = source;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID metricId() {
        return metricId;
    }

    public BigDecimal value() {
        return value;
    }

    public Instant measuredAt() {
        return measuredAt;
    }

    public String source() {
        return source;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
