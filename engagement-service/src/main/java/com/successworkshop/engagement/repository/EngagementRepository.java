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
import com.successworkshop.kit.application.Rendered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, UUID> {

    private static final Logger LOG = Logger.getLogger(EngagementRepository.class);

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

    /**
     * The caller's engagement as rendered at its current version (V7's engagement_view), or empty when it was never
     * rendered, was rendered at another version, or is not the caller's: one statement, nothing hydrated ({@code V}: the view
     * the caller rendered it as).
     */
    public <V> Optional<Rendered<V>> renderedView(UUID id) {
        return PartnerScope.unfiltered(getEntityManager(), () -> getEntityManager().createNativeQuery(
                        "select v.body, v.version from engagement_view v join engagement e on e.id = v.id and e.version = v.version"
                                + " where v.id = :id and " + PartnerScope.sqlCondition("e"))
                .setParameter("id", id).setParameter(PartnerScope.PARAMETER, PartnerScope.current())
                .getResultStream().findFirst().map(row -> new Rendered<V>((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue())));
    }

    /**
     * Keeps a view rendered at {@code version}, in a transaction of its own (a GET has none); a render of an older version
     * never replaces a newer one, and a failure only means the next read renders again.
     */
    public void keepRenderedView(UUID id, long version, String body) {
        try {
            QuarkusTransaction.requiringNew().run(() -> getEntityManager().createNativeQuery(
                            "insert into engagement_view (id, version, body) values (:id, :version, :body) on conflict (id) do update"
                                    + " set version = excluded.version, body = excluded.body where engagement_view.version < excluded.version")
                    .setParameter("id", id).setParameter("version", version).setParameter("body", body).executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("The rendered view of engagement %s was not kept (%s); the next read renders it again", id, e.getMessage());
        }
    }

    /** The caller's engagement, to change it; not found (404) for another partner's. */
    public Engagement load(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("Engagement " + id));
    }

    public PanacheQuery<Engagement> search(EngagementCriteria f, Sort sort) {
        Where w = Where.all().and("status = :status", "status", f.status())
                .and("phase = :phase", "phase", f.phase())
                .and("exists (select 1 from IntendedService s where s.engagement = e and s.row.workload = :service and s.removedAt is null)",
                        "service", f.service())
                .and("lower(fastTrackManager) = lower(:fm)", "fm", f.fastTrackManager())
                .and("(lower(customerName) like :text or lower(coalesce(customerTenantId, '')) like :text)", "text", Where.containing(f.text()));
        return find("from Engagement e where " + w.clause(), sort, w.params());
    }
}
