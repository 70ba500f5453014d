package com.successworkshop.catalog.messaging;

import com.successworkshop.kit.consumer.ConsumerGuard;
import com.successworkshop.kit.consumer.Inbox;
import com.successworkshop.kit.consumer.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.catalog.service.ResourcePackService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** ARCHITECTURE: ResourcePublished / ResourceUpdated / ResourceRetired → every resource pack is refreshed. */
@ApplicationScoped
public class CatalogEventsConsumer {

    private static final Set<String> REFRESHING = Set.of("ResourcePublished", "ResourceUpdated", "ResourceRetired");

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    ResourcePackService packs;

    @ConsumerGuard.Continues
    @Incoming("resource-events-in")
    @Blocking(ordered = true)
    @Transactional
    public void onCatalogEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!inbox.firstDelivery(event) || !REFRESHING.contains(event.name())) {
            return;
        }
        packs.rebuildAll();
    }
}
