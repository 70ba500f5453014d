package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.CheckIn;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Check-ins held; callers find the engagement first (partner scoping). */
@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, UUID> {

    /** Newest first. */
    public PanacheQuery<CheckIn> held(UUID engagementId) {
        return find("engagementId", Sort.descending("heldOn", "recordedAt"), engagementId);
    }

    public Optional<CheckIn> find(UUID engagementId, UUID checkInId) {
        return find("id = :id and engagementId = :e", Parameters.with("id", checkInId).and("e", engagementId)).firstResultOptional();
    }

    public Optional<CheckIn> last(UUID engagementId) {
        return held(engagementId).firstResultOptional();
    }
}
