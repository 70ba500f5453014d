package com.successworkshop.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of every event on resource-events, raised by ResourceLink; documented in src/main/asyncapi/resource-catalog-service.yaml. */
public final class CatalogEvents {

    /** Catalog resources are shared by every partner; events still carry partnerId, as every event does. */
    public static final String ALL_PARTNERS = "*";

    private CatalogEvents() {
    }

    /** ResourcePublished and ResourceUpdated. */
    public record ResourceData(UUID resourceId, String partnerId, long version, String title, String titleJa, String address,
                               String section, List<String> services, List<String> audience, String kind, String language,
                               List<String> tags, boolean eligibleOnly, String status) {
        static ResourceData of(ResourceLink r, long version) {
            return new ResourceData(r.id, ALL_PARTNERS, version, r.title, r.titleJa, r.address, r.section.name(),
                    List.copyOf(r.services), List.copyOf(r.audience), r.kind.name(), r.language, List.copyOf(r.tags),
                    r.eligibleOnly, r.status.name());
        }
    }

    public record ResourceRetired(UUID resourceId, String partnerId, long version, String reason, UUID replacementId,
                                  Instant retiredAt) {
    }
}
