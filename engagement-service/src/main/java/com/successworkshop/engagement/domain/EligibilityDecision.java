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

/** One decision on an enterprise adoption benefit, kept with its reasons and the rules that made it; never changed. */
@Entity
@Table(name = "eligibility_decision")
public class EligibilityDecision {

    @Id
    private UUID id;
    @Column(name = "engagement_id")
    private UUID engagementId;
    private String benefit;
    private boolean eligible;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> reasons;
    private String rulesVersion;
    private int licenceCount;
    private boolean enterprise;
    private Instant decidedAt;

    protected EligibilityDecision() {
    }

    EligibilityDecision(UUID engagementId, String benefit, EligibilityPolicy.Decision decision, int licenceCount, boolean enterprise,
                        Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.engagementId = engagementId;
        this.benefit = benefit;
        this.eligible = decision.eligible();
        this.reasons = decision.reasons();
        this.rulesVersion = decision.rulesVersion();
        this.licenceCount = licenceCount;
        this.enterprise = enterprise;
        this.decidedAt = decidedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID engagementId() {
        return engagementId;
    }

    public String benefit() {
        return benefit;
    }

    public boolean eligible() {
        return eligible;
    }

    public List<String> reasons() {
        return reasons;
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public int licenceCount() {
        return licenceCount;
    }

    public boolean enterprise() {
        return enterprise;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
