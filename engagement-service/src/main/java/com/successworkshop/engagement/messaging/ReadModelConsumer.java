package com.successworkshop.engagement.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.engagement.domain.TaskProgress;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.kit.consumer.EventBatches;
import com.successworkshop.kit.consumer.EventHandler;
import com.successworkshop.kit.consumer.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Read models of the other services' progress, for the workshop gate and the overview: SSAT readiness from ssat-events,
 * task progress from task-events. A polled batch per transaction (the kit's EventBatches); an older event than the one
 * applied changes nothing.
 */
@ApplicationScoped
public class ReadModelConsumer {

    static final String SSAT_READINESS_CHANGED = "workshop.ssat.SsatReadinessChanged.v1";
    static final String TASK_PROGRESS_CHANGED = "workshop.task.TaskProgressChanged.v1";

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

    /** This consumer's copy of the fields it reads (task-service's AsyncAPI is the contract). */
    public record TaskProgressChanged(UUID engagementId, int mandatoryDone, int mandatoryTotal, int overdue) {
        public TaskProgressChanged {
            if (engagementId == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId is missing");
            }
        }
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    EventBatches batches;
    @Inject
    ReadModelRepository readModels;
    @Inject
    TimelineRepository timeline;

    private final EventHandler ssat = new EventHandler() {
        @Override
        public Set<String> handles() {
            return Set.of(SSAT_READINESS_CHANGED);
        }

        @Override
        public void apply(IncomingEvent event) {
            ssatReadinessChanged(event);
        }
    };

    private final EventHandler tasks = new EventHandler() {
        @Override
        public Set<String> handles() {
            return Set.of(TASK_PROGRESS_CHANGED);
        }

        @Override
        public void apply(IncomingEvent event) {
            taskProgressChanged(event);
        }
    };

    @Incoming("ssat-events")
    @Blocking
    public CompletionStage<Void> onSsatEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, ssat);
    }

    @Incoming("task-events")
    @Blocking
    public CompletionStage<Void> onTaskEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, tasks);
    }

    void ssatReadinessChanged(IncomingEvent event) {
        SsatReadinessChanged d = event.data(SsatReadinessChanged.class, mapper);
        SsatReadiness r = readModels.ssat(d.engagementId()).orElse(null);
        if (r != null && r.lastEventAt.isAfter(event.time())) {
            return;
        }
        if (r == null) {
            r = new SsatReadiness();
            r.engagementId = d.engagementId();
        }
        r.servicesRecorded = d.servicesRecorded();
        r.servicesTotal = d.servicesTotal();
        r.allRecorded = d.allRecorded();
        r.missingServices = new java.util.ArrayList<>(d.missingServices());
        r.gaps = d.gaps();
        r.lastEventAt = event.time();
        readModels.save(r);
        timeline.recordFromEvent(d.engagementId(), "ssat-service", "SSAT_READINESS_CHANGED",
                "SSAT recorded for " + r.servicesRecorded + " of " + r.servicesTotal + " intended services"
                        + (r.missingServices.isEmpty() ? "" : "; missing " + String.join(", ", r.missingServices)), event);
    }

    void taskProgressChanged(IncomingEvent event) {
        TaskProgressChanged d = event.data(TaskProgressChanged.class, mapper);
        TaskProgress p = readModels.tasks(d.engagementId()).orElse(null);
        if (p != null && p.lastEventAt.isAfter(event.time())) {
            return;
        }
        if (p == null) {
            p = new TaskProgress();
            p.engagementId = d.engagementId();
        }
        p.mandatoryDone = d.mandatoryDone();
        p.mandatoryTotal = d.mandatoryTotal();
        p.overdue = d.overdue();
        p.lastEventAt = event.time();
        readModels.save(p);
    }
}
