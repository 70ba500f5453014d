package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.SuccessPlanProgress;
import com.successworkshop.engagement.domain.TaskProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** The read models kept from ssat-events and task-events. */
@ApplicationScoped
public class ReadModelRepository {

    @Inject
    EntityManager em;

    public Optional<SsatReadiness> ssat(UUID engagementId) {
        return Optional.ofNullable(em.find(SsatReadiness.class, engagementId));
    }

    public Optional<TaskProgress> tasks(UUID engagementId) {
        return Optional.ofNullable(em.find(TaskProgress.class, engagementId));
    }

    public Optional<SuccessPlanProgress> plan(UUID engagementId) {
        return Optional.ofNullable(em.find(SuccessPlanProgress.class, engagementId));
    }

    public void save(Object readModel) {
        em.merge(readModel);
    }
}
