package com.successworkshop.catalog.application;

import com.successworkshop.catalog.application.ResourceViews.ResourcePackView;
import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourcePack;
import com.successworkshop.catalog.repository.EngagementReadRepository;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import com.successworkshop.catalog.repository.ResourcePackRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each engagement's resource pack (what fits is {@link ResourcePack}'s rule), stored and rebuilt when the engagement changes
 * (engagement-events) or the catalog does (resource-events).
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
    ResourcePackRepository packs;

    /** Rebuilds one pack from the catalog as it is now. */
    public void rebuild(EngagementRead e) {
        // Version 0: no pack stored yet (every stored change raises it), so no items to read back.
        rebuild(e, resources.catalog(), e.packVersion == 0 ? Map.of() : packs.items(e.engagementId));
    }

    /** After a catalog change: every pack. One pass over the catalog and one over the pack items, reused for each engagement. */
    public int rebuildAll() {
        List<ResourceLink> catalog = resources.catalog();
        List<EngagementRead> all = engagements.allForUpdate();
        Map<UUID, Map<UUID, String>> items = packs.allItems();
        for (EngagementRead e : all) {
            rebuild(e, catalog, items.getOrDefault(e.engagementId, Map.of()));
        }
        LOG.debugf("Rebuilt %d resource packs", all.size());
        return all.size();
    }

    /** Stores the pack and bumps its version only when its content changed. */
    private void rebuild(EngagementRead e, List<ResourceLink> catalog, Map<UUID, String> current) {
        ResourcePack pack = ResourcePack.of(e, catalog);
        if (pack.reasons().equals(current)) {
            return;
        }
        Instant now = Instant.now();
        boolean first = e.packVersion == 0;
        e.packChanged(now);
        packs.replace(pack, first, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResourcePackView> pack(UUID engagementId) {
        return engagements.find(engagementId).map(e -> {
            Map<UUID, String> items = packs.items(engagementId);
            return ResourceMapper.pack(e, resources.byIdsInOrder(new ArrayList<>(items.keySet())), items);
        });
    }
}
