package com.successworkshop.engagement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One decision on an enterprise adoption benefit, kept with its reasons and the rules that made it. */
@Entity
@Table(name = "eligibility_decision")
public class EligibilityDecision {

    @Id
    public UUID id;
    @Column(name = "engagement_id")
    public UUID engagementId;
    public String benefit;
    public boolean eligible;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons;
    public String rulesVersion;
    public int licenceCount;
    public boolean enterprise;
    public Instant decidedAt;
}
