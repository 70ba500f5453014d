package com.successworkshop.catalog.messaging;

import com.successworkshop.catalog.application.ResourcePacks;
import com.successworkshop.kit.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ARCHITECTURE: ResourcePublished / ResourceUpdated / ResourceRetired → every resource pack is refreshed. */
@ApplicationScoped
public class CatalogEventsConsumer extends EventConsumer {

    private static final Set<String> REFRESHING = Set.of("workshop.catalog.ResourcePublished.v1",
            "workshop.catalog.ResourceUpdated.v1", "workshop.catalog.ResourceRetired.v1");

    @Inject
    ResourcePacks packs;

    /** Only that one happened matters: the pack is rebuilt from the catalog as it now stands. */
    record AnyData() {
    }

    CatalogEventsConsumer() {
        super("resource-events");
    }

    @Override
    protected void events() {
        REFRESHING.forEach(type -> on(type, AnyData.class, (event, ignored) -> packs.rebuildAll()));
    }
}
