package com.successworkshop.task.application;

import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.AggregateRoot;
import com.successworkshop.task.domain.CheckInCadence;
import com.successworkshop.task.domain.EngagementRef;
import com.successworkshop.task.domain.EngagementTasks.Effect;
import com.successworkshop.task.domain.EngagementTasks;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskPolicy;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.repository.EngagementRefRepository;
import com.successworkshop.task.repository.TaskRepository;
import com.successworkshop.task.repository.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * How an engagement's tasks follow its events (the rules are {@link EngagementTasks}'). Runs in the consumer's
 * transaction, together with the inbox row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskLifecycle {

    private static final Logger LOG = Logger.getLogger(TaskLifecycle.class);

    @Inject
    EngagementRefRepository engagements;
    @Inject
    TemplateRepository templates;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskConfig config;
    @Inject
    UnitOfWork work;

    /** @param newHere the engagement was not held here when the consumer's batch began (asked once for the batch): no lookup */
    public Effect engagementCreated(UUID engagementId, String partnerId, String customerName, String fastTrackManager,
                                    Collection<Workload> services, Instant at, boolean newHere) {
        EngagementRef ref = newHere ? null : engagements.findById(engagementId);
        Function<EngagementTasks, Effect> created = tasks -> tasks.engagementCreated(customerName, fastTrackManager, services, at);
        if (ref == null) {
            // A new engagement has no tasks to read back (the query would also flush the batch's earlier events first);
            // its row is persisted once the event has filled it in.
            return follow(EngagementRef.track(engagementId, partnerId, Instant.now()), List.of(), created);
        } else if (!ref.ownedBy(partnerId)) {
            LOG.warnf("EngagementCreated for %s names partner %s, known as %s; ignored", engagementId, partnerId, ref.partnerId);
            return Effect.NONE;
        }
        return follow(ref, created);
    }

    /** FastTrackManagerChanged: the FM-role tasks follow the engagement's new FM. */
    public Effect fastTrackManagerChanged(UUID engagementId, String partnerId, String previous, String next) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.fastTrackManagerChanged(previous, next));
    }

    public Effect servicesChanged(UUID engagementId, String partnerId, Collection<Workload> services, Instant at) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.servicesChanged(services, at));
    }

    /** WorkshopScheduled and WorkshopRescheduled. */
    public Effect workshopScheduled(UUID engagementId, String partnerId, Instant startsAt, Instant at) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.workshopScheduled(startsAt, at));
    }

    /** Playbook: Customer success workshop complete. */
    public Effect workshopCompleted(UUID engagementId, String partnerId, Instant completedAt, CheckInCadence cadence, UUID eventId, Instant at) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.workshopCompleted(completedAt, cadence, eventId, at));
    }

    /** Playbook: Next steps. */
    public Effect eligibilityDetermined(UUID engagementId, String partnerId, boolean eligible, Instant at) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.eligibilityDetermined(eligible, at));
    }

    public Effect checkInScheduled(UUID engagementId, String partnerId, CheckInCadence cadence, LocalDate nextDate, Instant at) {
        return follow(engagement(engagementId, partnerId), tasks -> tasks.checkInScheduled(cadence, nextDate, at));
    }

    /** Loads the engagement's tasks, applies one event to them, stores what it made and publishes what they raised. */
    private Effect follow(EngagementRef ref, Function<EngagementTasks, Effect> event) {
        return follow(ref, tasks.ofEngagement(ref.engagementId), event);
    }

    private Effect follow(EngagementRef ref, List<TaskInstance> current, Function<EngagementTasks, Effect> event) {
        EngagementTasks engagementTasks = new EngagementTasks(ref, current, templates.publishedOfProcess(config.playbookProcess()),
                policy(), Instant.now());
        Effect effect = event.apply(engagementTasks);
        if (!engagements.isPersistent(ref)) {
            // Before its tasks (their foreign key) and after the event: a row changed after persist() is inserted as it
            // was then and updated at the flush (catch-up, PostgreSQL's log: an UPDATE after every INSERT).
            engagements.persist(ref);
        }
        engagementTasks.added().forEach(tasks::persist);
        // The tasks' events (TaskStatusChanged) before the engagement's progress, as they happened.
        List<AggregateRoot> changed = new ArrayList<>(engagementTasks.all());
        changed.add(ref);
        work.publish(changed.toArray(AggregateRoot[]::new));
        return effect;
    }

    /** The engagement an event is about, owned by the partner the event names. */
    private EngagementRef engagement(UUID engagementId, String partnerId) {
        EngagementRef ref = engagements.findById(engagementId);
        if (ref == null) {
            // Usually in order, but after a broker outage a later event can overtake EngagementCreated (the relay resends
            // what the producer gave up on): track the engagement from here; the handlers give the same result either way.
            LOG.warnf("Engagement %s was not known; tracking it from a later event", engagementId);
            ref = EngagementRef.track(engagementId, partnerId, Instant.now());
            engagements.persist(ref);
        }
        ref.requireOwner(partnerId);
        return ref;
    }

    private TaskPolicy policy() {
        return new TaskPolicy(config.playbookProcess(), config.defaultCheckInCadence(), config.defaultCheckInCount(), config.nextStepDueDays());
    }
}
