package com.successworkshop.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.consumer.EventBatches;
import com.successworkshop.kit.consumer.EventHandler;
import com.successworkshop.kit.consumer.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** A consumer as a service writes one: it opens engagements, notes colours on them, and rejects a "poison" note. */
@ApplicationScoped
public class KitTestConsumer implements EventHandler {

    static final String OPENED = "workshop.test.EngagementOpened.v1";
    static final String NOTED = "workshop.test.ColoursNoted.v1";

    enum Colour { RED, GREEN, BLUE }

    record ColoursNoted(List<String> colours, boolean poison) {
    }

    @Inject
    EventBatches batches;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    @Incoming("kit-in")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this);
    }

    @Override
    public Set<String> handles() {
        return Set.of(OPENED, NOTED);
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(OPENED, this::known);
    }

    private boolean known(UUID id) {
        return !em.createNativeQuery("select 1 from kit_engagement where id = :id").setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public void apply(IncomingEvent event) {
        UUID engagement = event.engagementId();
        String note;
        if (event.type().equals(OPENED)) {
            em.createNativeQuery("insert into kit_engagement(id) values (:id) on conflict do nothing").setParameter("id", engagement).executeUpdate();
            note = "opened";
        } else {
            ColoursNoted d = event.data(ColoursNoted.class, mapper);
            if (d.poison()) {
                throw new IncomingEvent.PoisonMessageException("this note can never apply");
            }
            note = "colours " + batches.known(Colour.class, d.colours(), event, "colours");
        }
        em.createNativeQuery("insert into kit_effect(event_id, engagement, note) values (:e, :g, :n)")
                .setParameter("e", event.id()).setParameter("g", engagement).setParameter("n", note).executeUpdate();
    }
}
