package com.successworkshop.catalog.domain;

import com.successworkshop.kit.persistence.PartnerScope;
import org.hibernate.annotations.Filter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What this service knows of an engagement, kept from engagement-events; the input of its resource pack. */
@Entity
@Filter(name = PartnerScope.FILTER)
@Table(name = "engagement_read")
public class EngagementRead {

    @Id
    public UUID engagementId;
    public String partnerId;
    public String customerName;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> intendedServices = new ArrayList<>();
    /** null until EligibilityDetermined arrives. */
    public Boolean eligible;
    public String eligibilityBenefit;
    public String eligibilityRules;
    public Instant workshopCompletedAt;
    public long packVersion;
    public Instant lastEventAt;
    public Instant updatedAt;

    public boolean workshopCompleted() {
        return workshopCompletedAt != null;
    }

    /** The pack's content changed: its version (the pack's ETag) goes up. */
    public void packChanged(Instant now) {
        packVersion++;
        updatedAt = now;
    }
}
