package com.successworkshop.ssat.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A success metric of one service (playbook: Measuring success), e.g. active users % from the M365 usage reports. */
@Entity
@Table(name = "success_metric")
public class SuccessMetric {

    @Id
    public UUID id;

    @Version
    public long version;

    public UUID engagementId;
    @Enumerated(EnumType.STRING)
    public Workload workload;
    @Enumerated(EnumType.STRING)
    public MetricKind kind;
    public String name;
    public String unit;
    public BigDecimal baseline;
    public BigDecimal target;
    public LocalDate dueDate;
    public String owner;
    public Instant createdAt;
    public Instant updatedAt;

    public String etag() {
        return "\"" + version + "\"";
    }
}
