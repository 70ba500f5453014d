package com.successworkshop.catalog.repository;

import com.successworkshop.catalog.domain.Audience;
import com.successworkshop.catalog.domain.PlaybookSection;
import com.successworkshop.catalog.domain.ResourceKind;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.Workload;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ResourceLinkRepository implements PanacheRepositoryBase<ResourceLink, UUID> {

    public record Filter(PlaybookSection section, Workload service, Audience audience, ResourceKind kind, String language,
                         ResourceStatus status, String tag, String text) {
    }

    public record Page(List<ResourceLink> items, long total) {
    }

    /** Native SQL because the list filters look inside jsonb arrays; ids first, then the entities in that order. */
    public Page search(Filter f, String orderBy, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.section() != null) {
            where.add("section = :section");
            params.put("section", f.section().name());
        }
        if (f.service() != null) {
            // A resource for every service (services = []) fits any service filter.
            where.add("(jsonb_array_length(services) = 0 or jsonb_exists(services, :service))");
            params.put("service", f.service().name());
        }
        if (f.audience() != null) {
            where.add("jsonb_exists(audience, :audience)");
            params.put("audience", f.audience().name());
        }
        if (f.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.language() != null && !f.language().isBlank()) {
            where.add("lower(language) = lower(:language)");
            params.put("language", f.language().trim());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            where.add("jsonb_exists(tags, :tag)");
            params.put("tag", f.tag().trim());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.add("(lower(title) like :text escape '\\' or lower(coalesce(title_ja, '')) like :text escape '\\'"
                    + " or lower(coalesce(description, '')) like :text escape '\\')");
            params.put("text", "%" + f.text().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        Query count = getEntityManager().createNativeQuery("select count(*) from resource_link" + clause);
        Query ids = getEntityManager().createNativeQuery("select id from resource_link" + clause + " order by " + orderBy)
                .setFirstResult(page * size).setMaxResults(size);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            ids.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> pageIds = ids.getResultList();
        return new Page(byIdsInOrder(pageIds), total);
    }

    public List<ResourceLink> byIdsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ResourceLink> found = list("id in ?1", ids).stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public List<ResourceLink> all() {
        return listAll().stream().sorted(Comparator.comparing((ResourceLink r) -> r.section).thenComparing(r -> r.title)).toList();
    }

    public List<ResourceLink> active() {
        return list("status", ResourceStatus.ACTIVE);
    }
}
