package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A service's consumer of one topic: it registers, per full CloudEvents type (version included), the record its data
 * reads as and what to do with it; the kit does the rest (the one Kafka entry {@link EventsIn}, transaction per batch,
 * inbox, order, dead letters, parking). Its topic is {@code workshop.consumer.<name>.topic} (default: the name), its
 * dead-letter topic {@code workshop.consumer.<name>.dead-letter-topic} (default: {@code <topic>.<application>.dlq}).
 */
public abstract class EventConsumer implements EventHandler {

    private final String name;

    @Inject
    EventBatches batches;
    @Inject
    protected ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    @Inject
    NewEngagements newEngagements;

    private final Map<String, Consumer<IncomingEvent>> appliers = new LinkedHashMap<>();

    /** @param name the topic's name in this service's configuration ({@code workshop.consumer.<name>.*}) */
    protected EventConsumer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Registers the events this consumer acts on, with {@link #on}. */
    protected abstract void events();

    @PostConstruct
    void register() {
        events();
    }

    /** {@code type}'s data is read as {@code data} (this consumer's own record of it) and handed to {@code applier}. */
    protected <T> void on(String type, Class<T> data, BiConsumer<IncomingEvent, T> applier) {
        Timer handling = Timer.builder("workshop.events.handling").tag("type", type)
                .description("Time to apply one event inside its batch's transaction").register(registry);
        ObjectReader reader = IncomingEvent.reader(data, mapper);
        appliers.put(type, event -> handling.record(() -> applier.accept(event, data.cast(event.data(reader)))));
    }

    @Override
    public Set<String> handles() {
        return appliers.keySet();
    }

    @Override
    public void apply(IncomingEvent event) {
        appliers.get(event.type()).accept(event);
    }

    /**
     * Whether this engagement is not held here yet (its opening event creates it, nothing to read back): known for the
     * whole batch from one statement, so that an opening event needs no lookup of its own.
     */
    protected boolean newHere(UUID engagementId) {
        return newEngagements.contains(engagementId);
    }

    /** The values of {@code type} an event names, unknown ones reported and left out (the kit's one policy). */
    protected <E extends Enum<E>> List<E> known(Class<E> type, List<String> values, IncomingEvent event, String field) {
        return batches.known(type, values == null ? List.of() : values, event, field);
    }
}
