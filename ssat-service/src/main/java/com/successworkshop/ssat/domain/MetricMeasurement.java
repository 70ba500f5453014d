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
    public UUID id;

    public UUID metricId;
    public BigDecimal value;
    public Instant measuredAt;
    public String source;
    public String recordedBy;
    public Instant recordedAt;
}
