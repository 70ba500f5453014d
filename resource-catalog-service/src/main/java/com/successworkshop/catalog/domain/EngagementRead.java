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
    /** SHA-256 of the pack's content as last built (null: none built yet); a different digest is a changed pack. */
    public String packDigest;
    public Instant lastEventAt;
    public Instant updatedAt;

    public boolean workshopCompleted() {
        return workshopCompletedAt != null;
    }

    /** {@code pack} was built from this engagement: when its content changed, its version goes up. */
    public boolean packBuilt(ResourcePack pack, Instant now) {
        String digest = pack.digest();
        // No pack built yet counts as an empty one: an engagement whose pack stays empty keeps version 0.
        String before = packDigest == null && packVersion == 0 ? ResourcePack.EMPTY_DIGEST : packDigest;
        if (digest.equals(before)) {
            return false;
        }
        packDigest = digest;
        packVersion++;
        updatedAt = now;
        return true;
    }
}
