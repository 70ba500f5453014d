package com.successworkshop.catalog.messaging;

import com.successworkshop.catalog.service.ResourcePackService;
import com.successworkshop.kit.consumer.EventBatches;
import com.successworkshop.kit.consumer.EventHandler;
import com.successworkshop.kit.consumer.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** ARCHITECTURE: ResourcePublished / ResourceUpdated / ResourceRetired → every resource pack is refreshed. */
@ApplicationScoped
public class CatalogEventsConsumer implements EventHandler {

    private static final Set<String> REFRESHING = Set.of("workshop.catalog.ResourcePublished.v1",
            "workshop.catalog.ResourceUpdated.v1", "workshop.catalog.ResourceRetired.v1");

    @Inject
    EventBatches batches;
    @Inject
    ResourcePackService packs;

    @Incoming("resource-events-in")
    @Blocking
    public CompletionStage<Void> onCatalogEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this);
    }

    @Override
    public Set<String> handles() {
        return REFRESHING;
    }

    @Override
    public void apply(IncomingEvent event) {
        packs.rebuildAll();
    }
}
