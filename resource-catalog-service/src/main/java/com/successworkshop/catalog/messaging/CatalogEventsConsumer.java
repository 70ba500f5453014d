package com.successworkshop.catalog.messaging;

import com.successworkshop.catalog.service.ResourcePackService;
import com.successworkshop.kit.consumer.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** ARCHITECTURE: ResourcePublished / ResourceUpdated / ResourceRetired → every resource pack is refreshed. */
@ApplicationScoped
public class CatalogEventsConsumer extends EventConsumer {

    private static final Set<String> REFRESHING = Set.of("workshop.catalog.ResourcePublished.v1",
            "workshop.catalog.ResourceUpdated.v1", "workshop.catalog.ResourceRetired.v1");

    @Inject
    ResourcePackService packs;

    @Incoming("resource-events-in")
    @Blocking
    public CompletionStage<Void> onCatalogEvents(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    /** Only that one happened matters: the pack is rebuilt from the catalog as it now stands. */
    record AnyData() {
    }

    @Override
    protected void events() {
        REFRESHING.forEach(type -> on(type, AnyData.class, (event, ignored) -> packs.rebuildAll()));
    }
}
