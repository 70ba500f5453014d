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

/**
 * One {@link Eligibility} of the history, as stored: written once, never changed, read back as the record it was made
 * from (the repository selects it as one, so the row needs no read methods of its own).
 */
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

    EligibilityDecision(UUID engagementId, Eligibility decision) {
        this.id = UUID.randomUUID();
        this.engagementId = engagementId;
        this.benefit = decision.benefit();
        this.eligible = decision.eligible();
        this.reasons = decision.reasons();
        this.rulesVersion = decision.rulesVersion();
        this.licenceCount = decision.licenceCount();
        this.enterprise = decision.enterprise();
        this.decidedAt = decision.decidedAt();
    }
}
