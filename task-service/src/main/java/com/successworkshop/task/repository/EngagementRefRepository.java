package com.successworkshop.task.repository;

import com.successworkshop.task.domain.EngagementRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRefRepository implements PanacheRepositoryBase<EngagementRef, UUID> {

    public Optional<EngagementRef> findForPartner(UUID id, String partnerId) {
        return find("engagementId = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }
}
