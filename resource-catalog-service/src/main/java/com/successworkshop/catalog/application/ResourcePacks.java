package com.successworkshop.catalog.application;

import com.successworkshop.catalog.application.ResourceViews.ResourcePackView;
import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourcePack;
import com.successworkshop.catalog.repository.EngagementReadRepository;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each engagement's resource pack (what fits is {@link ResourcePack}'s rule), built from the catalog in memory when it is
 * read. The engagement keeps only its pack's digest and version, brought up to date when the engagement changes
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

    /** After a change of the engagement: its pack's version goes up when the pack's content changed. */
    public void rebuild(EngagementRead e) {
        e.packBuilt(ResourcePack.of(e, resources.catalog()), Instant.now());
    }

    /** After a catalog change: every pack's version, from one read of the catalog. Returns how many packs changed. */
    public int rebuildAll() {
        List<ResourceLink> catalog = resources.catalog();
        Instant now = Instant.now();
        int changed = 0;
        for (EngagementRead e : engagements.allForUpdate()) {
            changed += e.packBuilt(ResourcePack.of(e, catalog), now) ? 1 : 0;
        }
        LOG.debugf("%d resource packs changed", changed);
        return changed;
    }

    /**
     * The pack as the catalog makes it now, tagged by what its body shows: the engagement's last change, the pack's version
     * and its content's digest (content computed here may run ahead of the version until resource-events is consumed).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tagged> pack(UUID engagementId) {
        return engagements.find(engagementId).map(e -> {
            ResourcePack pack = ResourcePack.of(e, resources.catalog());
            String etag = "pack-" + e.packVersion + "-" + e.updatedAt.toEpochMilli() + "-" + pack.digest().substring(0, 16);
            return new Tagged(ResourceMapper.pack(e, pack), etag);
        });
    }

    /** A pack view and its entity tag. */
    public record Tagged(ResourcePackView view, String etag) {
    }
}
