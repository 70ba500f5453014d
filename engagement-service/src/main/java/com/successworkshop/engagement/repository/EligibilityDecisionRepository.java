package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.EligibilityDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EligibilityDecisionRepository implements PanacheRepositoryBase<EligibilityDecision, UUID> {

    public Optional<EligibilityDecision> current(UUID engagementId) {
        return find("engagementId", Sort.descending("decidedAt"), engagementId).firstResultOptional();
    }

    /** The current decision of each engagement of a page, in one query rather than one per engagement. */
    public Map<UUID, EligibilityDecision> currentFor(Collection<UUID> engagementIds) {
        if (engagementIds.isEmpty()) {
            return Map.of();
        }
        return list("engagementId in ?1 and decidedAt = (select max(d.decidedAt) from EligibilityDecision d where d.engagementId = engagementId)",
                engagementIds).stream().collect(Collectors.toMap(EligibilityDecision::engagementId, d -> d, (a, b) -> a));
    }

    public List<EligibilityDecision> history(UUID engagementId) {
        return list("engagementId", Sort.descending("decidedAt"), engagementId);
    }
}
