package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Eligibility;
import com.successworkshop.engagement.domain.EligibilityDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EligibilityDecisionRepository implements PanacheRepositoryBase<EligibilityDecision, UUID> {

    /** Newest first, each decision as it was taken. */
    public List<Eligibility> history(UUID engagementId) {
        return getEntityManager().createQuery("""
                        select new com.successworkshop.engagement.domain.Eligibility(d.benefit, d.eligible, d.reasons, d.rulesVersion,
                            d.licenceCount, d.enterprise, d.decidedAt)
                        from EligibilityDecision d where d.engagementId = :e order by d.decidedAt desc""", Eligibility.class)
                .setParameter("e", engagementId).getResultList();
    }
}
