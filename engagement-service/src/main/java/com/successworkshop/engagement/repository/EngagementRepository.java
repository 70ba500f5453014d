package com.successworkshop.engagement.repository;

import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementPhase;
import com.successworkshop.engagement.domain.EngagementStatus;
import com.successworkshop.engagement.domain.Workload;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, UUID> {

    /** Partner scoping lives in the query: another partner's engagement is simply not found. */
    public Optional<Engagement> findForPartner(UUID id, String partnerId) {
        return find("id = :id and partnerId = :partner", Parameters.with("id", id).and("partner", partnerId)).firstResultOptional();
    }

    public record Filter(String partnerId, EngagementStatus status, EngagementPhase phase, Workload service,
                         String fastTrackManager, String text) {
    }

    public PanacheQuery<Engagement> search(Filter f, Sort sort) {
        List<String> where = new ArrayList<>(List.of("partnerId = :partner"));
        Parameters params = Parameters.with("partner", f.partnerId());
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.phase() != null) {
            where.add("phase = :phase");
            params.and("phase", f.phase());
        }
        if (f.service() != null) {
            where.add("exists (select 1 from IntendedService s where s.engagement = e and s.workload = :service and s.removedAt is null)");
            params.and("service", f.service());
        }
        if (f.fastTrackManager() != null && !f.fastTrackManager().isBlank()) {
            where.add("lower(fastTrackManager) = lower(:fm)");
            params.and("fm", f.fastTrackManager());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.add("(lower(customerName) like :text or lower(coalesce(customerTenantId, '')) like :text)");
            params.and("text", "%" + f.text().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return find("from Engagement e where " + String.join(" and ", where), sort, params);
    }
}
