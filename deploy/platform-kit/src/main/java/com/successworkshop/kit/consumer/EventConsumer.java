package com.successworkshop.kit.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A service's consumer of one topic: it registers, per full CloudEvents type (version included), the record its data
 * reads as and what to do with it; the kit does the rest (transaction per batch, inbox, order, dead letters, parking).
 * The service's {@code @Incoming} method calls {@link #consume}.
 */
public abstract class EventConsumer implements EventHandler {

    @Inject
    protected EventBatches batches;
    @Inject
    protected ObjectMapper mapper;
    @Inject
    MeterRegistry registry;

    private final Map<String, Consumer<IncomingEvent>> appliers = new LinkedHashMap<>();

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
        appliers.put(type, event -> handling.record(() -> applier.accept(event, event.data(data, mapper))));
    }

    protected CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this);
    }

    @Override
    public Set<String> handles() {
        return appliers.keySet();
    }

    @Override
    public void apply(IncomingEvent event) {
        appliers.get(event.type()).accept(event);
    }

    /** The values of {@code type} an event names, unknown ones reported and left out (the kit's one policy). */
    protected <E extends Enum<E>> List<E> known(Class<E> type, List<String> values, IncomingEvent event, String field) {
        return batches.known(type, values == null ? List.of() : values, event, field);
    }
}
