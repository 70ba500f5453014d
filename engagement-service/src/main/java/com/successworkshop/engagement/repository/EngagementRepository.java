package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementCriteria;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, UUID> {

    /** Partner scoping lives in the query: another partner's engagement is simply not found. */
    public Optional<Engagement> findForPartner(UUID id, String partnerId) {
        return find("id = :id and partnerId = :partner", Parameters.with("id", id).and("partner", partnerId)).firstResultOptional();
    }

    /** The partner's engagement, to change it; not found (404) for another partner's. */
    public Engagement load(UUID id, String partnerId) {
        return findForPartner(id, partnerId).orElseThrow(() -> DomainException.notFound("Engagement " + id));
    }

    public PanacheQuery<Engagement> search(EngagementCriteria f, Sort sort) {
        Where w = Where.all().and("partnerId = :partner").with("partner", f.partnerId())
                .and("status = :status", "status", f.status())
                .and("phase = :phase", "phase", f.phase())
                .and("exists (select 1 from IntendedService s where s.engagement = e and s.workload = :service and s.removedAt is null)",
                        "service", f.service())
                .and("lower(fastTrackManager) = lower(:fm)", "fm", f.fastTrackManager())
                .and("(lower(customerName) like :text or lower(coalesce(customerTenantId, '')) like :text)", "text", Where.containing(f.text()));
        return find("from Engagement e where " + w.clause(), sort, w.params());
    }
}
