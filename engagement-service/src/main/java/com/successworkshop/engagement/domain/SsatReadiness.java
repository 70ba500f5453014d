package com.successworkshop.engagement.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read model of ssat-service's SsatReadinessChanged: the workshop-completion gate reads it. */
@Entity
@Table(name = "ssat_readiness")
public class SsatReadiness {

    @Id
    public UUID engagementId;
    public int servicesRecorded;
    public int servicesTotal;
    public boolean allRecorded;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> missingServices;
    public int gaps;
    public Instant lastEventAt;
}
