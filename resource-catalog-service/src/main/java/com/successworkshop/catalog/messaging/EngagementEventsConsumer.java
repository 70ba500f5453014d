package com.successworkshop.catalog.messaging;

import com.successworkshop.catalog.application.ResourcePacks;
import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.Workload;
import com.successworkshop.catalog.repository.EngagementReadRepository;
import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the engagement read model a resource pack is built from, and its pack's version, in the same transaction;
 * a polled batch per transaction (the kit's EventBatches: inbox, order, poison records to the dead-letter topic,
 * events before their engagement parked until EngagementCreated).
 */
@ApplicationScoped
public class EngagementEventsConsumer extends EventConsumer {

    public static final String CREATED = "workshop.engagement.EngagementCreated.v1";
    public static final String SERVICES_CHANGED = "workshop.engagement.IntendedServicesChanged.v1";
    public static final String ELIGIBILITY_DETERMINED = "workshop.engagement.EligibilityDetermined.v1";
    public static final String WORKSHOP_COMPLETED = "workshop.engagement.WorkshopCompleted.v1";

    /** This consumer's own copy of the fields it reads from the four events (engagement-service's AsyncAPI is the contract). */
    public record EngagementEvent(UUID engagementId, String partnerId, String customerName, List<String> intendedServices,
                                  Boolean eligible, String benefit, String rulesVersion, Instant completedAt) {
        public EngagementEvent {
            IncomingEvent.requireEngagement(engagementId, partnerId);
        }
    }

    @Inject
    EngagementReadRepository engagements;
    @Inject
    ResourcePacks packs;

    EngagementEventsConsumer() {
        super("engagement-events");
    }

    @Override
    protected void events() {
        for (String type : List.of(CREATED, SERVICES_CHANGED, ELIGIBILITY_DETERMINED, WORKSHOP_COMPLETED)) {
            on(type, EngagementEvent.class, this::apply);
        }
    }

    @Override
    public EngagementOrder engagementOrder() {
        return new EngagementOrder(CREATED, "engagement_read");
    }

    private void apply(IncomingEvent event, EngagementEvent d) {
        EngagementRead e = newHere(d.engagementId()) ? null : engagements.findForUpdate(d.engagementId()).orElse(null);
        boolean created = e == null;
        if (created) {
            e = new EngagementRead();
            e.engagementId = d.engagementId();
            e.partnerId = d.partnerId();
            e.lastEventAt = event.time();
        } else if (!e.partnerId.equals(d.partnerId())) {
            throw new IncomingEvent.PoisonMessageException("engagement " + d.engagementId() + " belongs to another partner");
        }
        switch (event.type()) {
            case CREATED -> {
                e.customerName = d.customerName();
                e.intendedServices = workloads(d.intendedServices(), event);
            }
            case SERVICES_CHANGED -> e.intendedServices = workloads(d.intendedServices(), event);
            case ELIGIBILITY_DETERMINED -> {
                if (d.eligible() == null) {
                    throw new IncomingEvent.PoisonMessageException("data.eligible is not a boolean");
                }
                e.eligible = d.eligible();
                e.eligibilityBenefit = d.benefit();
                e.eligibilityRules = d.rulesVersion();
            }
            case WORKSHOP_COMPLETED -> {
                e.workshopCompletedAt = d.completedAt() == null ? event.time() : d.completedAt();
                if (d.intendedServices() != null) {
                    e.intendedServices = workloads(d.intendedServices(), event);
                }
            }
            default -> throw new IllegalStateException("not handled: " + event.type());
        }
        if (event.time().isAfter(e.lastEventAt)) {
            e.lastEventAt = event.time();
        }
        e.updatedAt = Instant.now();
        packs.rebuild(e);
        if (created) {
            // Persisted complete: a row changed after persist() is inserted as it was then and updated at the flush
            // (catch-up, PostgreSQL's log: an UPDATE after every INSERT).
            engagements.persist(e);
        }
    }

    /** Known services as their codes; an unknown code is reported by the kit and left out, the same in every consumer. */
    private List<String> workloads(List<String> codes, IncomingEvent event) {
        if (codes == null) {
            throw new IncomingEvent.PoisonMessageException("data.intendedServices is not an array");
        }
        return new java.util.ArrayList<>(known(Workload.class, codes, event, "intendedServices").stream().map(Enum::name).toList());
    }
}
