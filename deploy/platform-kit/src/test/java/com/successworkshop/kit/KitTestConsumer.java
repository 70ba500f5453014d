package com.successworkshop.kit;

import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** A consumer as a service writes one: it opens engagements, notes colours on them, and rejects a "poison" note. */
@ApplicationScoped
public class KitTestConsumer extends EventConsumer {

    static final String OPENED = "workshop.test.EngagementOpened.v1";
    static final String NOTED = "workshop.test.ColoursNoted.v1";

    enum Colour { RED, GREEN, BLUE }

    record ColoursNoted(List<String> colours, boolean poison) {
    }

    @Inject
    EntityManager em;

    KitTestConsumer() {
        super("kit-in");
    }

    record Opened() {
    }

    @Override
    protected void events() {
        on(OPENED, Opened.class, (event, d) -> effect(event, opened(event.engagementId())));
        on(NOTED, ColoursNoted.class, (event, d) -> {
            if (d.poison()) {
                throw new IncomingEvent.PoisonMessageException("this note can never apply");
            }
            effect(event, "colours " + known(Colour.class, d.colours(), event, "colours"));
        });
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(OPENED, "kit_engagement", "id");
    }

    private String opened(UUID engagement) {
        em.createNativeQuery("insert into kit_engagement(id) values (:id) on conflict do nothing").setParameter("id", engagement).executeUpdate();
        return "opened";
    }

    private void effect(IncomingEvent event, String note) {
        em.createNativeQuery("insert into kit_effect(event_id, engagement, note) values (:e, :g, :n)")
                .setParameter("e", event.id()).setParameter("g", event.engagementId()).setParameter("n", note).executeUpdate();
    }
}
