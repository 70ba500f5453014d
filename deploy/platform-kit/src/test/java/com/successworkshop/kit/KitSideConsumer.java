package com.successworkshop.kit;

import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A second topic on the same channel, as engagement-service reads ssat-events and task-events: no order, own dead letters. */
@ApplicationScoped
public class KitSideConsumer extends EventConsumer {

    static final String SIDE_NOTED = "workshop.test.SideNoted.v1";

    record SideNoted(String note, boolean poison) {
    }

    @Inject
    EntityManager em;

    KitSideConsumer() {
        super("kit-side");
    }

    @Override
    protected void events() {
        on(SIDE_NOTED, SideNoted.class, (event, d) -> {
            if (d.poison()) {
                throw new IncomingEvent.PoisonMessageException("this side note can never apply");
            }
            em.createNativeQuery("insert into kit_effect(event_id, engagement, note) values (:e, :g, :n)")
                    .setParameter("e", event.id()).setParameter("g", event.engagementId()).setParameter("n", "side " + d.note()).executeUpdate();
        });
    }
}
