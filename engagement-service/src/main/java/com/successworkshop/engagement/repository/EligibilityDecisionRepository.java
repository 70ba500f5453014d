package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.EligibilityDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EligibilityDecisionRepository implements PanacheRepositoryBase<EligibilityDecision, UUID> {

    public List<EligibilityDecision> history(UUID engagementId) {
        return list("engagementId", Sort.descending("decidedAt"), engagementId);
    }
}
