package com.successworkshop.engagement.messaging;

import com.successworkshop.engagement.domain.TaskProgress;
import com.successworkshop.engagement.repository.ReadModelRepository;
import com.successworkshop.kit.consumer.EventConsumer;
import com.successworkshop.kit.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The task progress read model for the overview, from task-events (a polled batch per transaction, the kit's
 * EventBatches); an older event than the one applied changes nothing.
 */
@ApplicationScoped
public class TaskEventsConsumer extends EventConsumer {

    static final String TASK_PROGRESS_CHANGED = "workshop.task.TaskProgressChanged.v1";

    /** This consumer's copy of the fields it reads (task-service's AsyncAPI is the contract). */
    public record TaskProgressChanged(UUID engagementId, int mandatoryDone, int mandatoryTotal, int overdue) {
        public TaskProgressChanged {
            if (engagementId == null) {
                throw new IncomingEvent.PoisonMessageException("data.engagementId is missing");
            }
        }
    }

    @Inject
    ReadModelRepository readModels;

    TaskEventsConsumer() {
        super("task-events");
    }

    @Override
    protected void events() {
        on(TASK_PROGRESS_CHANGED, TaskProgressChanged.class, this::progressChanged);
    }

    void progressChanged(IncomingEvent event, TaskProgressChanged d) {
        TaskProgress p = readModels.tasks(d.engagementId()).orElseGet(() -> new TaskProgress(d.engagementId()));
        if (p.apply(event.time(), d.mandatoryDone(), d.mandatoryTotal(), d.overdue())) {
            readModels.save(p);
        }
    }
}
