package com.successworkshop.kit.consumer;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A service's one Kafka entry: every topic it consumes arrives on the channel {@value #CHANNEL} (its
 * {@code topics} list the consumers' topics), and each record goes to the {@link EventConsumer} of its topic. So a
 * service writes consumers, never an {@code @Incoming} method, and the channel's settings are the kit's defaults.
 */
@ApplicationScoped
public class EventsIn {

    public static final String CHANNEL = "events-in";
    private static final Logger LOG = Logger.getLogger(EventsIn.class);

    @Inject
    EventBatches batches;
    @Inject
    @Any
    Instance<EventConsumer> consumers;
    @Inject
    Config config;

    private final Map<String, EventBatches.Route> routes = new HashMap<>();
    private EventBatches.Route unrouted;

    @PostConstruct
    void route() {
        String application = config.getOptionalValue("quarkus.application.name", String.class).orElse("service");
        for (EventConsumer consumer : consumers) {
            String prefix = "workshop.consumer." + consumer.name() + ".";
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(consumer.name());
            String deadLetter = config.getOptionalValue(prefix + "dead-letter-topic", String.class)
                    .orElse(topic + "." + application + ".dlq");
            if (routes.put(topic, new EventBatches.Route(consumer, deadLetter)) != null) {
                throw new IllegalStateException("Two consumers read topic " + topic);
            }
            LOG.debugf("%s reads %s (dead letters to %s)", consumer.getClass().getSimpleName(), topic, deadLetter);
        }
        // A topic the channel lists but no consumer claims: its events are counted as skipped, never poison.
        unrouted = new EventBatches.Route(new EventHandler() {
            @Override
            public Set<String> handles() {
                return Set.of();
            }

            @Override
            public void apply(IncomingEvent event) {
                throw new IllegalStateException("not routed: " + event.id());
            }
        }, "unrouted." + application + ".dlq");
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, topic -> routes.getOrDefault(topic, unrouted));
    }
}
