package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementCriteria;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.persistence.PartnerScope;
import com.successworkshop.kit.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, UUID> {

    /** In a request, only the caller's partner's engagement is found (the partner filter); no partner to pass. */
    public Optional<Engagement> find(UUID id) {
        return findByIdOptional(id);
    }

    /**
     * The caller's engagement to show, in one statement with its intended services: read-only (no snapshot to dirty-check)
     * and with the partner named in the query rather than by the filter, so Hibernate reuses the statement's plan.
     */
    public Optional<Engagement> read(UUID id) {
        return PartnerScope.unfiltered(getEntityManager(), () -> getEntityManager().createQuery(
                        "select e from Engagement e left join fetch e.intendedServices where e.id = :id and " + PartnerScope.condition("e"), Engagement.class)
                .setParameter("id", id).setParameter(PartnerScope.PARAMETER, PartnerScope.current())
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst());
    }

    /** The caller's engagement, to change it; not found (404) for another partner's. */
    public Engagement load(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("Engagement " + id));
    }

    public PanacheQuery<Engagement> search(EngagementCriteria f, Sort sort) {
        Where w = Where.all().and("status = :status", "status", f.status())
                .and("phase = :phase", "phase", f.phase())
                .and("exists (select 1 from IntendedService s where s.engagement = e and s.workload = :service and s.removedAt is null)",
                        "service", f.service())
                .and("lower(fastTrackManager) = lower(:fm)", "fm", f.fastTrackManager())
                .and("(lower(customerName) like :text or lower(coalesce(customerTenantId, '')) like :text)", "text", Where.containing(f.text()));
        return find("from Engagement e where " + w.clause(), sort, w.params());
    }
}
