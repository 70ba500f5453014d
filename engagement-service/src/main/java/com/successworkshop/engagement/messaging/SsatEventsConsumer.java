package com.successworkshop.engagement.messaging;

import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * The SSAT readiness read model for the workshop gate and the overview, from ssat-events (a polled batch per
 * transaction, the kit's EventBatches); an older event than the one applied changes nothing.
 */
@ApplicationScoped
public class SsatEventsConsumer extends EventConsumer {

    static final String SSAT_READINESS_CHANGED = "workshop.ssat.SsatReadinessChanged.v1";

    /** This consumer's copy of the fields it reads (ssat-service's AsyncAPI is the contract). */
    public record SsatReadinessChanged(UUID engagementId, int servicesRecorded, int servicesTotal, boolean allRecorded,
                                       List<String> missingServices, int gaps) {
        public SsatReadinessChanged {
            if (engagementId == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId is missing");
            }
            missingServices = missingServices == null ? List.of() : missingServices;
        }
    }

    @Inject
    ReadModelRepository readModels;
    @Inject
    TimelineRepository timeline;

    SsatEventsConsumer() {
        super("ssat-events");
    }

    @Override
    protected void events() {
        on(SSAT_READINESS_CHANGED, SsatReadinessChanged.class, this::readinessChanged);
    }

    void readinessChanged(IncomingEvent event, SsatReadinessChanged d) {
        SsatReadiness r = readModels.ssat(d.engagementId()).orElseGet(() -> new SsatReadiness(d.engagementId()));
        if (!r.apply(event.time(), d.servicesRecorded(), d.servicesTotal(), d.allRecorded(), d.missingServices(), d.gaps())) {
            return;
        }
        readModels.save(r);
        timeline.recordFromEvent(d.engagementId(), "ssat-service", "SSAT_READINESS_CHANGED",
                "SSAT recorded for " + r.servicesRecorded() + " of " + r.servicesTotal() + " intended services"
                        + (r.missingServices().isEmpty() ? "" : "; missing " + String.join(", ", r.missingServices())), event.id(), event.time());
    }
}
