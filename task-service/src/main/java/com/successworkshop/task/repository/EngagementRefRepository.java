package com.successworkshop.task.repository;

import com.successworkshop.task.domain.EngagementRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRefRepository implements PanacheRepositoryBase<EngagementRef, UUID> {

    /** In a request, only the caller's partner's engagement is found (the partner filter); no partner to pass. */
    public Optional<EngagementRef> find(UUID id) {
        return find("engagementId", id).firstResultOptional();
    }
}
