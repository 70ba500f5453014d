package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.CheckIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Check-ins held; callers find the engagement first (partner scoping). */
@ApplicationScoped
public class CheckInRepository {

    @Inject
    EntityManager em;

    public void add(CheckIn c) {
        em.persist(c);
    }

    public List<CheckIn> page(UUID engagementId, int page, int size) {
        return em.createQuery("from CheckIn where engagementId = :e order by heldOn desc, recordedAt desc", CheckIn.class)
                .setParameter("e", engagementId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(UUID engagementId) {
        return em.createQuery("select count(c) from CheckIn c where c.engagementId = :e", Long.class).setParameter("e", engagementId).getSingleResult();
    }

    public Optional<CheckIn> find(UUID engagementId, UUID checkInId) {
        return em.createQuery("from CheckIn where id = :id and engagementId = :e", CheckIn.class)
                .setParameter("id", checkInId).setParameter("e", engagementId).getResultStream().findFirst();
    }

    public Optional<CheckIn> last(UUID engagementId) {
        return page(engagementId, 0, 1).stream().findFirst();
    }
}
