package com.successworkshop.ssat.messaging;

import com.successworkshop.kit.consumer.ConsumerGuard;
import com.successworkshop.kit.consumer.Inbox;
import com.successworkshop.kit.consumer.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.ssat.service.MatrixProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Builds and follows the SSAT matrix from engagement-events. Idempotent (inbox, written in the same transaction as
 * the effect); poison messages go to the dead-letter topic with their reason and the consumer carries on.
 */
@ApplicationScoped
public class EngagementEventConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    MatrixProjection projection;

    @ConsumerGuard.Continues
    @Incoming("engagement-events")
    @Blocking(ordered = false)
    @Transactional
    public void onEngagementEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Duplicate event %s ignored", event.id());
            return;
        }
        projection.apply(event);
    }
}
