package com.successworkshop.catalog.repository;

import com.successworkshop.catalog.domain.EngagementRead;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementReadRepository implements PanacheRepositoryBase<EngagementRead, UUID> {

    /** Partner scoping lives in the query: another partner's engagement is simply not found. */
    /** In a request, only the caller's partner's engagement is found (the partner filter); no partner to pass. */
    public Optional<EngagementRead> find(UUID id) {
        return find("engagementId", id).firstResultOptional();
    }

    /** Serialises the pack rebuilds of one engagement (engagement-events and resource-events consumers run side by side). */
    public Optional<EngagementRead> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locked in id order, so that two full rebuilds (or a rebuild and an event) never deadlock. */
    public List<EngagementRead> allForUpdate() {
        return find("order by engagementId").withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
