package com.successworkshop.ssat.repository;

import com.successworkshop.ssat.domain.ActionStatus;
import com.successworkshop.ssat.domain.PlanAction;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessChecklist;
import com.successworkshop.ssat.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The success plan's actions and checklist; callers find the engagement's matrix first (partner scoping). */
@ApplicationScoped
public class SuccessPlanRepository {

    @Inject
    EntityManager em;

    public List<PlanAction> actions(UUID engagementId) {
        return em.createQuery("from PlanAction where engagementId = :e order by createdAt, id", PlanAction.class)
                .setParameter("e", engagementId).getResultList();
    }

    public Optional<PlanAction> action(UUID engagementId, UUID actionId) {
        return em.createQuery("from PlanAction where id = :id and engagementId = :e", PlanAction.class)
                .setParameter("id", actionId).setParameter("e", engagementId).getResultStream().findFirst();
    }

    public Optional<PlanAction> proposal(UUID engagementId, Workload service, SsatFactor factor) {
        return em.createQuery("from PlanAction where engagementId = :e and workload = :w and factor = :f and status = :s", PlanAction.class)
                .setParameter("e", engagementId).setParameter("w", service).setParameter("f", factor)
                .setParameter("s", ActionStatus.PROPOSED).getResultStream().findFirst();
    }

    public void add(PlanAction action) {
        em.persist(action);
    }

    /** The matrix's checklist: its row once an item has changed, before that every item open at revision 0 (no row). */
    public SuccessChecklist checklist(SsatMatrix matrix) {
        SuccessChecklist stored = em.find(SuccessChecklist.class, matrix.engagementId());
        return stored != null ? stored : SuccessChecklist.open(matrix.engagementId(), matrix.createdAt());
    }

    /** Whether the checklist has its row (written with the first change of an item). */
    public boolean stored(SuccessChecklist checklist) {
        return em.contains(checklist);
    }
}
