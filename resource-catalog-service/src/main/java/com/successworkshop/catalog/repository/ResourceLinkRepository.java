package com.successworkshop.catalog.repository;

import com.successworkshop.catalog.domain.ResourceCriteria;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.kit.persistence.ReadMostly;
import com.successworkshop.kit.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ResourceLinkRepository implements PanacheRepositoryBase<ResourceLink, UUID> {

    public record Page(List<ResourceLink> items, long total) {
    }

    /** Links are never deleted, and every change raises @Version: count and summed version change with any write. */
    private final ReadMostly<ResourceLink> catalog = ReadMostly.versioned("resource_link",
            session -> session.createQuery("from ResourceLink", ResourceLink.class).getResultList());

    /** The whole catalog, as every pack is built from it: from memory unless a link changed (read-only: do not change them). */
    public List<ResourceLink> catalog() {
        return catalog.current(getEntityManager());
    }

    /** Native SQL because the list filters look inside jsonb arrays; ids first, then the entities in that order. */
    public Page search(ResourceCriteria f, String orderBy, int page, int size) {
        Where w = Where.all().and("section = :section", "section", Where.name(f.section()))
                // A resource for every service (services = []) fits any service filter.
                .and("(jsonb_array_length(services) = 0 or jsonb_exists(services, :service))", "service", Where.name(f.service()))
                .and("jsonb_exists(audience, :audience)", "audience", Where.name(f.audience()))
                .and("kind = :kind", "kind", Where.name(f.kind()))
                .and("lower(language) = lower(:language)", "language", f.language())
                .and("status = :status", "status", Where.name(f.status()))
                .and("jsonb_exists(tags, :tag)", "tag", f.tag())
                .and("(lower(title) like :text escape '\\' or lower(coalesce(title_ja, '')) like :text escape '\\'"
                        + " or lower(coalesce(description, '')) like :text escape '\\')", "text", Where.containing(f.text()));
        Query count = w.bind(getEntityManager().createNativeQuery("select count(*) from resource_link where " + w.clause()));
        Query ids = w.bind(getEntityManager().createNativeQuery("select id from resource_link where " + w.clause() + " order by " + orderBy))
                .setFirstResult(page * size).setMaxResults(size);
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

    public List<UUID> activeIds() {
        return getEntityManager().createQuery("select r.id from ResourceLink r where r.status = :status", UUID.class)
                .setParameter("status", ResourceStatus.ACTIVE).getResultList();
    }

    /** A link check's result; not a catalog change: no new version, no event. */
    public void recordCheck(UUID id, Instant at, Integer httpStatus, String error) {
        getEntityManager().createNativeQuery(
                        "update resource_link set last_check_at = :at, last_check_status = :status, last_check_error = :error where id = :id")
                .setParameter("at", at).setParameter("status", httpStatus).setParameter("error", error)
                .setParameter("id", id).executeUpdate();
    }
}
