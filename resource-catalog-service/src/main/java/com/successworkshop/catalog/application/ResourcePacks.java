package com.successworkshop.catalog.application;

import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.PlaybookSection;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.catalog.repository.EngagementReadRepository;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import com.successworkshop.catalog.application.ResourceViews.PackItem;
import com.successworkshop.catalog.application.ResourceViews.PackSection;
import com.successworkshop.catalog.application.ResourceViews.ResourcePackView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each engagement's resource pack: the catalog's resources that fit its intended services, its eligibility and its phase,
 * each with the reason it is there. Rebuilt when the engagement changes (engagement-events) or the catalog does (resource-events).
 */
@ApplicationScoped
@Transactional
public class ResourcePacks {

    private static final Logger LOG = Logger.getLogger(ResourcePacks.class);

    @Inject
    EngagementReadRepository engagements;
    @Inject
    ResourceLinkRepository resources;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    record Entry(ResourceLink resource, String why) {
    }

    /** Rebuilds one pack from the catalog as it is now; bumps the pack's version only when its content changed. */
    public void rebuild(EngagementRead e) {
        rebuild(e, resources.listAll());
    }

    /** After a catalog change: every pack. One pass over the catalog and one over the pack items, reused for each engagement. */
    public int rebuildAll() {
        List<ResourceLink> catalog = resources.listAll();
        List<EngagementRead> all = engagements.allForUpdate();
        Map<UUID, Map<UUID, String>> items = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select engagement_id, resource_id, reason from resource_pack_item").getResultList();
        rows.forEach(row -> items.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>()).put((UUID) row[1], (String) row[2]));
        for (EngagementRead e : all) {
            rebuild(e, catalog, items.getOrDefault(e.engagementId, Map.of()));
        }
        LOG.debugf("Rebuilt %d resource packs", all.size());
        return all.size();
    }

    void rebuild(EngagementRead e, List<ResourceLink> catalog) {
        rebuild(e, catalog, currentItems(e.engagementId));
    }

    void rebuild(EngagementRead e, List<ResourceLink> catalog, Map<UUID, String> current) {
        Map<UUID, Entry> wanted = select(e, catalog);
        Map<UUID, String> next = wanted.values().stream().collect(Collectors.toMap(x -> x.resource().id, Entry::why));
        if (next.equals(current)) {
            return;
        }
        em.flush();
        em.createNativeQuery("delete from resource_pack_item where engagement_id = :e").setParameter("e", e.engagementId).executeUpdate();
        Instant now = Instant.now();
        if (!wanted.isEmpty()) {
            // One statement per pack, not one per item.
            List<Map<String, String>> rows = wanted.values().stream()
                    .map(x -> Map.of("r", x.resource().id.toString(), "s", x.resource().section.name(), "w", x.why())).toList();
            em.createNativeQuery("insert into resource_pack_item(engagement_id, resource_id, section, reason, added_at) "
                            + "select :e, cast(x->>'r' as uuid), x->>'s', x->>'w', :at from jsonb_array_elements(cast(:rows as jsonb)) x")
                    .setParameter("e", e.engagementId).setParameter("rows", json(rows)).setParameter("at", now).executeUpdate();
        }
        e.packVersion++;
        e.updatedAt = now;
    }

    /** The rules of a pack; each names the playbook section it comes from. */
    static Map<UUID, Entry> select(EngagementRead e, List<ResourceLink> catalog) {
        Map<UUID, ResourceLink> byId = catalog.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        Map<UUID, Entry> out = new LinkedHashMap<>();
        for (ResourceLink r : catalog) {
            if (r.status == ResourceStatus.ACTIVE) {
                why(e, r).ifPresent(why -> out.put(r.id, new Entry(r, why)));
            }
        }
        // A retired link that would fit points at its replacement: the replacement takes its place in the pack.
        for (ResourceLink r : catalog) {
            if (r.status != ResourceStatus.RETIRED || r.replacementId == null) {
                continue;
            }
            ResourceLink replacement = byId.get(r.replacementId);
            if (replacement == null || replacement.status != ResourceStatus.ACTIVE || out.containsKey(replacement.id)) {
                continue;
            }
            Optional<String> would = why(e, r);
            if (would.isPresent()) {
                out.put(replacement.id, new Entry(replacement, "Replaces '" + r.title + "' (retired: " + r.retiredReason + "); " + would.get()));
            }
        }
        return out;
    }

    static Optional<String> why(EngagementRead e, ResourceLink r) {
        boolean completed = e.workshopCompletedAt != null;
        // Approach: "Schedule the success workshop" prepares the workshop; Next steps follow it.
        if (r.section.stage() == PlaybookSection.Stage.BEFORE_WORKSHOP && completed) {
            return Optional.empty();
        }
        if (r.section.stage() == PlaybookSection.Stage.AFTER_WORKSHOP && !completed) {
            return Optional.empty();
        }
        // Goals 6 / Next steps: enterprise add-on benefit material only for an eligible customer.
        if (r.eligibleOnly && !Boolean.TRUE.equals(e.eligible)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (r.services.isEmpty()) {
            reasons.add("'" + r.section.title() + "' applies to all services");
        } else {
            List<String> matched = r.services.stream().filter(e.intendedServices::contains).toList();
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            reasons.add("intended service " + String.join(", ", matched) + " (" + r.section.title() + ")");
        }
        if (r.eligibleOnly) {
            reasons.add("eligible for " + Objects.requireNonNullElse(e.eligibilityBenefit, "an enterprise add-on benefit")
                    + (e.eligibilityRules == null ? "" : " (rules " + e.eligibilityRules + ")"));
        }
        if (r.section.stage() == PlaybookSection.Stage.AFTER_WORKSHOP) {
            reasons.add("the success workshop is complete");
        }
        return Optional.of(String.join("; ", reasons));
    }

    private Map<UUID, String> currentItems(UUID engagementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select resource_id, reason from resource_pack_item where engagement_id = :e")
                .setParameter("e", engagementId).getResultList();
        Map<UUID, String> out = new LinkedHashMap<>();
        rows.forEach(row -> out.put((UUID) row[0], (String) row[1]));
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResourcePackView> pack(UUID engagementId, String partnerId) {
        return engagements.findForPartner(engagementId, partnerId).map(e -> {
            Map<UUID, String> items = currentItems(engagementId);
            List<ResourceLink> links = resources.byIdsInOrder(new ArrayList<>(items.keySet()));
            Map<PlaybookSection, List<PackItem>> bySection = new LinkedHashMap<>();
            links.stream().sorted(Comparator.comparing((ResourceLink r) -> r.section).thenComparing(r -> r.title))
                    .forEach(r -> bySection.computeIfAbsent(r.section, s -> new ArrayList<>()).add(new PackItem(r.id, r.title, r.titleJa,
                            r.address, r.kind, List.copyOf(r.audience), r.language, items.get(r.id))));
            List<PackSection> sections = bySection.entrySet().stream()
                    .map(x -> new PackSection(x.getKey(), x.getKey().title(), x.getValue())).toList();
            return new ResourcePackView(e.engagementId, e.partnerId, List.copyOf(e.intendedServices), e.eligible,
                    e.workshopCompletedAt != null, e.packVersion, e.updatedAt, links.size(), sections);
        });
    }
}
