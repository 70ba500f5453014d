package com.successworkshop.catalog.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.catalog.domain.ResourcePack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stored packs (resource_pack_item): resource id → why, per engagement. Native SQL: the rows are no entity. */
@ApplicationScoped
public class ResourcePackRepository {

    /** Only native statements write it: queries name it so that Hibernate does not flush the unit of work before them. */
    private static final String TABLE = "resource_pack_item";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    public Map<UUID, String> items(UUID engagementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select resource_id, reason from resource_pack_item where engagement_id = :e")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                .setParameter("e", engagementId).getResultList();
        Map<UUID, String> out = new LinkedHashMap<>();
        rows.forEach(row -> out.put((UUID) row[0], (String) row[1]));
        return out;
    }

    /** Every engagement's items in one query. */
    public Map<UUID, Map<UUID, String>> allItems() {
        Map<UUID, Map<UUID, String>> items = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select engagement_id, resource_id, reason from resource_pack_item").getResultList();
        rows.forEach(row -> items.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>()).put((UUID) row[1], (String) row[2]));
        return items;
    }

    /**
     * Stores {@code pack} in place of the engagement's items ({@code first}: it has none yet). Native statements on this
     * table alone, so the unit of work is not flushed before them (a new engagement's row comes at commit; migration V3).
     */
    public void replace(ResourcePack pack, boolean first, Instant now) {
        if (!first) {
            em.createNativeQuery("delete from resource_pack_item where engagement_id = :e").unwrap(NativeQuery.class)
                    .addSynchronizedQuerySpace(TABLE).setParameter("e", pack.engagementId()).executeUpdate();
        }
        if (!pack.items().isEmpty()) {
            // One statement per pack, not one per item.
            List<Map<String, String>> rows = pack.items().stream()
                    .map(x -> Map.of("r", x.resource().id.toString(), "s", x.resource().section.name(), "w", x.why())).toList();
            em.createNativeQuery("insert into resource_pack_item(engagement_id, resource_id, section, reason, added_at) "
                            + "select :e, cast(x->>'r' as uuid), x->>'s', x->>'w', :at from jsonb_array_elements(cast(:rows as jsonb)) x")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                    .setParameter("e", pack.engagementId()).setParameter("rows", json(rows)).setParameter("at", now).executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
