package com.successworkshop.task.application;

import com.successworkshop.task.application.TaskConfig;
import com.successworkshop.task.domain.CheckInCadence;
import com.successworkshop.task.domain.EngagementRef;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskKind;
import com.successworkshop.task.domain.TaskStatus;
import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.kit.consumer.IncomingEvent;
import com.successworkshop.task.repository.EngagementRefRepository;
import com.successworkshop.task.repository.TaskRepository;
import com.successworkshop.task.repository.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** How an engagement's tasks follow its events. Runs in the consumer's transaction, together with the inbox row. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskLifecycle {

    private static final Logger LOG = Logger.getLogger(TaskLifecycle.class);
    /** FTOP task "Conduct success workshop" (playbook: Customer success workshop complete). */
    public static final int SUCCESS_WORKSHOP_TASK = 2536;
    private static final String NEXT_STEPS = "Next steps";
    private static final String FM = "FastTrack Manager";

    @Inject
    EngagementRefRepository engagements;
    @Inject
    TemplateRepository templates;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskPublisher publisher;
    @Inject
    TaskConfig config;

    /** The outcome of one event: how many instances it created and whether anything changed. */
    public record Effect(int created, int changed) {
        boolean any() {
            return created + changed > 0;
        }
    }

    public Effect engagementCreated(UUID engagementId, String partnerId, String customerName, Collection<Workload> services, Instant at) {
        EngagementRef ref = engagements.findByIdOptional(engagementId).orElse(null);
        if (ref == null) {
            ref = newRef(engagementId, partnerId, at);
        } else if (!ref.partnerId.equals(partnerId)) {
            LOG.warnf("EngagementCreated for %s names partner %s, known as %s; ignored", engagementId, partnerId, ref.partnerId);
            return new Effect(0, 0);
        }
        ref.customerName = customerName;
        ref.services(services);
        ref.updatedAt = Instant.now();
        engagements.persist(ref);
        return finish(ref, sync(ref, at));
    }

    public Effect servicesChanged(UUID engagementId, String partnerId, Collection<Workload> services, Instant at) {
        EngagementRef ref = ref(engagementId, partnerId, at);
        ref.services(services);
        ref.updatedAt = Instant.now();
        return finish(ref, sync(ref, at));
    }

    /** WorkshopCompleted → task 2536 COMPLETED, recorded as done by the event (Customer success workshop complete). */
    public Effect workshopCompleted(UUID engagementId, String partnerId, Instant completedAt, CheckInCadence cadence, UUID eventId, Instant at) {
        EngagementRef ref = ref(engagementId, partnerId, at);
        if (cadence != null) {
            ref.checkInCadence = cadence;
        }
        Effect synced = sync(ref, at);
        int changed = 0;
        Optional<TaskInstance> workshop = tasks.byKey(engagementId, ftopKey(TaskTemplate.key(config.playbookProcess(), SUCCESS_WORKSHOP_TASK)));
        if (workshop.isPresent() && workshop.get().status != TaskStatus.COMPLETED) {
            TaskInstance t = workshop.get();
            TaskStatus previous = t.status;
            t.status = TaskStatus.COMPLETED;
            t.statusReason = "Completed by the WorkshopCompleted event";
            t.completedAt = completedAt != null ? completedAt : at;
            t.completedBy = "event:WorkshopCompleted";
            t.completedByEvent = eventId;
            t.retiredAt = null;
            t.updatedAt = Instant.now();
            publisher.statusChanged(t, previous, t.completedBy);
            changed++;
        }
        return finish(ref, new Effect(synced.created(), synced.changed() + changed));
    }

    public Effect workshopScheduled(UUID engagementId, String partnerId, Instant startsAt, Instant at) {
        EngagementRef ref = ref(engagementId, partnerId, at);
        Effect synced = sync(ref, at);
        int changed = 0;
        TaskInstance t = tasks.byKey(engagementId, ftopKey(TaskTemplate.key(config.playbookProcess(), SUCCESS_WORKSHOP_TASK))).orElse(null);
        if (t != null && startsAt != null && !t.status.isClosed()) {
            LocalDate due = startsAt.atZone(ZoneOffset.UTC).toLocalDate();
            if (!due.equals(t.dueDate)) {
                t.dueDate = due;
                t.updatedAt = Instant.now();
                changed++;
            }
        }
        return finish(ref, new Effect(synced.created(), synced.changed() + changed));
    }

    /** Next steps: eligible → the FM introduces an adoption SME; all others → regular check-ins. */
    public Effect eligibilityDetermined(UUID engagementId, String partnerId, boolean eligible, Instant at) {
        EngagementRef ref = ref(engagementId, partnerId, at);
        Effect synced = sync(ref, at);
        LocalDate day = day(at);
        int created = 0;
        int changed = 0;
        if (eligible) {
            created += ensure(ref, "ADOPTION_SME", TaskKind.ADOPTION_SME, "Introduce adoption SME", day.plusDays(config.nextStepDueDays()), at);
            changed += retireOpen(ref, TaskKind.CHECK_IN);
        } else {
            changed += retireOpen(ref, TaskKind.ADOPTION_SME);
            boolean hasCheckIns = tasks.count("engagementId = ?1 and kind = ?2 and retiredAt is null", ref.engagementId, TaskKind.CHECK_IN) > 0;
            if (!hasCheckIns) {
                CheckInCadence cadence = ref.checkInCadence != null ? ref.checkInCadence : config.defaultCheckInCadence();
                for (int i = 1; i <= config.defaultCheckInCount(); i++) {
                    created += checkIn(ref, day.plusDays((long) cadence.days * i), at);
                }
            }
        }
        return finish(ref, new Effect(synced.created() + created, synced.changed() + changed));
    }

    public Effect checkInScheduled(UUID engagementId, String partnerId, CheckInCadence cadence, LocalDate nextDate, Instant at) {
        EngagementRef ref = ref(engagementId, partnerId, at);
        if (cadence != null) {
            ref.checkInCadence = cadence;
        }
        Effect synced = sync(ref, at);
        int created = nextDate == null ? 0 : checkIn(ref, nextDate, at);
        return finish(ref, new Effect(synced.created() + created, synced.changed()));
    }

    // --- helpers

    private EngagementRef ref(UUID engagementId, String partnerId, Instant at) {
        EngagementRef ref = engagements.findByIdOptional(engagementId).orElse(null);
        if (ref == null) {
            // Usually in order, but after a broker outage a later event can overtake EngagementCreated (the relay resends
            // what the producer gave up on): track the engagement from here; the handlers give the same result either way.
            LOG.warnf("Engagement %s was not known; tracking it from a later event", engagementId);
            ref = newRef(engagementId, partnerId, at);
            engagements.persist(ref);
        } else if (!ref.partnerId.equals(partnerId)) {
            throw new IncomingEvent.PoisonMessageException("event names partner " + partnerId + " for an engagement of another partner");
        }
        return ref;
    }

    private static EngagementRef newRef(UUID engagementId, String partnerId, Instant at) {
        EngagementRef ref = new EngagementRef();
        ref.engagementId = engagementId;
        ref.partnerId = partnerId;
        ref.intendedServices = "";
        ref.createdAt = Instant.now();
        ref.updatedAt = ref.createdAt;
        return ref;
    }

    /**
     * One instance per applicable published template of this playbook (2536 always, value-add tasks when an intended service
     * matches); a task whose service left is retired unless it is completed, and comes back if the service does.
     */
    private Effect sync(EngagementRef ref, Instant at) {
        Set<Workload> intended = ref.services();
        int created = 0;
        int changed = 0;
        for (TaskTemplate tpl : templates.publishedOfProcess(config.playbookProcess())) {
            String key = ftopKey(tpl.templateKey);
            Optional<TaskInstance> existing = tasks.byKey(ref.engagementId, key);
            boolean applies = tpl.appliesTo(intended);
            if (existing.isEmpty()) {
                if (applies) {
                    tasks.persist(fromTemplate(ref, tpl, key, at));
                    created++;
                }
                continue;
            }
            TaskInstance t = existing.get();
            if (applies && t.retiredAt != null) {
                t.retiredAt = null;
                t.updatedAt = Instant.now();
                changed++;
            } else if (!applies && t.retiredAt == null && t.status != TaskStatus.COMPLETED) {
                t.retiredAt = Instant.now();
                t.updatedAt = t.retiredAt;
                changed++;
            }
        }
        return new Effect(created, changed);
    }

    private TaskInstance fromTemplate(EngagementRef ref, TaskTemplate tpl, String key, Instant at) {
        TaskInstance t = base(ref, key, TaskKind.FTOP, tpl.name, day(at).plusDays(tpl.dueOffsetDays));
        t.templateId = tpl.id;
        t.templateVersion = tpl.templateVersion;
        t.ftopTaskId = tpl.ftopTaskId;
        t.mandatory = tpl.mandatory;
        t.fasttrackRole = tpl.fasttrackRole;
        t.section = tpl.section;
        return t;
    }

    private int ensure(EngagementRef ref, String key, TaskKind kind, String name, LocalDate due, Instant at) {
        Optional<TaskInstance> existing = tasks.byKey(ref.engagementId, key);
        if (existing.isPresent()) {
            if (existing.get().retiredAt != null) {
                existing.get().retiredAt = null;
                existing.get().updatedAt = Instant.now();
            }
            return 0;
        }
        tasks.persist(base(ref, key, kind, name, due));
        return 1;
    }

    private int checkIn(EngagementRef ref, LocalDate date, Instant at) {
        return ensure(ref, "CHECK_IN:" + date, TaskKind.CHECK_IN, "Check-in " + date, date, at);
    }

    private int retireOpen(EngagementRef ref, TaskKind kind) {
        List<TaskInstance> open = tasks.list("engagementId = ?1 and kind = ?2 and retiredAt is null and status = ?3",
                ref.engagementId, kind, TaskStatus.NOT_STARTED);
        Instant now = Instant.now();
        open.forEach(t -> {
            t.retiredAt = now;
            t.updatedAt = now;
        });
        return open.size();
    }

    private static TaskInstance base(EngagementRef ref, String key, TaskKind kind, String name, LocalDate due) {
        TaskInstance t = new TaskInstance();
        t.id = UUID.randomUUID();
        t.engagementId = ref.engagementId;
        t.partnerId = ref.partnerId;
        t.dedupeKey = key;
        t.kind = kind;
        t.name = name;
        t.mandatory = false;
        t.fasttrackRole = FM;
        t.section = NEXT_STEPS;
        t.status = TaskStatus.NOT_STARTED;
        t.dueDate = due;
        t.createdAt = Instant.now();
        t.updatedAt = t.createdAt;
        return t;
    }

    private Effect finish(EngagementRef ref, Effect effect) {
        if (effect.any()) {
            publisher.progress(ref.engagementId, ref.partnerId);
        }
        return effect;
    }

    static String ftopKey(String templateKey) {
        return "FTOP:" + templateKey;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
