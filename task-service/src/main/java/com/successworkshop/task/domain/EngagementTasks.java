package com.successworkshop.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How an engagement's tasks follow its events: one FTOP task per published template of this playbook that applies to the
 * intended services, the workshop task moved by the workshop's events, and the Next steps. Every method first brings
 * the FTOP tasks in line with the intended services, and reports the engagement's progress when anything changed.
 */
public final class EngagementTasks {

    /** FTOP task "Conduct success workshop" (playbook: Customer success workshop complete). */
    public static final int SUCCESS_WORKSHOP_TASK = 2536;
    static final String ADOPTION_SME = "ADOPTION_SME";
    static final String CHECK_IN = "CHECK_IN:";

    /** The outcome of one event: how many tasks it created and how many it changed. */
    public record Effect(int created, int changed) {
        public static final Effect NONE = new Effect(0, 0);

        public boolean any() {
            return created + changed > 0;
        }

        Effect plus(Effect other) {
            return new Effect(created + other.created, changed + other.changed);
        }
    }

    private final EngagementRef engagement;
    private final Map<String, TaskInstance> byKey = new LinkedHashMap<>();
    private final List<TaskInstance> added = new ArrayList<>();
    private final List<TaskTemplate> published;
    private final TaskPolicy policy;
    private final Instant now;

    /**
     * @param tasks     every task the engagement has, retired ones included
     * @param published the published templates of the policy's process
     */
    public EngagementTasks(EngagementRef engagement, Collection<TaskInstance> tasks, List<TaskTemplate> published, TaskPolicy policy,
                           Instant now) {
        this.engagement = engagement;
        tasks.forEach(t -> byKey.put(t.dedupeKey, t));
        this.published = published;
        this.policy = policy;
        this.now = now;
    }

    public EngagementRef engagement() {
        return engagement;
    }

    /** The tasks made by the calls so far, to be stored. */
    public List<TaskInstance> added() {
        return List.copyOf(added);
    }

    /** Every task, the added ones included: the aggregates a unit of work completes (the engagement's progress goes last). */
    public List<TaskInstance> all() {
        return List.copyOf(byKey.values());
    }

    public Effect engagementCreated(String customerName, String fastTrackManager, Collection<Workload> services, Instant at) {
        engagement.created(customerName, fastTrackManager, services, now);
        return reported(followServices(at));
    }

    /** The engagement's FM changed: their open FM-role tasks follow (the FM's inbox). */
    public Effect fastTrackManagerChanged(String previous, String next) {
        if (next == null || next.isBlank() || next.trim().equals(engagement.fastTrackManager)) {
            return Effect.NONE;
        }
        String before = previous != null ? previous : engagement.fastTrackManager;
        engagement.fastTrackManager = next.trim();
        int moved = (int) byKey.values().stream().filter(t -> t.followManager(before, engagement.fastTrackManager, now)).count();
        return new Effect(0, moved);
    }

    public Effect servicesChanged(Collection<Workload> services, Instant at) {
        engagement.intend(services, now);
        return reported(followServices(at));
    }

    /** The workshop task is due on the day the workshop is scheduled (or rescheduled) for. */
    public Effect workshopScheduled(Instant startsAt, Instant at) {
        Effect synced = followServices(at);
        TaskInstance workshop = byKey.get(workshopKey());
        boolean moved = workshop != null && workshop.dueOnWorkshopDay(startsAt, now);
        return reported(synced.plus(new Effect(0, moved ? 1 : 0)));
    }

    /** Playbook: Customer success workshop complete — the workshop task is completed by the event; the agreed cadence is kept. */
    public Effect workshopCompleted(Instant completedAt, CheckInCadence cadence, UUID eventId, Instant at) {
        engagement.agreeCadence(cadence);
        Effect synced = followServices(at);
        TaskInstance workshop = byKey.get(workshopKey());
        boolean completed = workshop != null && workshop.completeByWorkshop(completedAt != null ? completedAt : at, eventId, now);
        return reported(synced.plus(new Effect(0, completed ? 1 : 0)));
    }

    /** Playbook: Next steps — eligible enterprise customers: the FM introduces an adoption SME; all others: regular check-ins. */
    public Effect eligibilityDetermined(boolean eligible, Instant at) {
        Effect synced = followServices(at);
        LocalDate day = day(at);
        int created = 0;
        int changed = 0;
        if (eligible) {
            created += ensure(ADOPTION_SME, TaskKind.ADOPTION_SME, "Introduce adoption SME", day.plusDays(policy.nextStepDueDays()));
            changed += retireNotStarted(TaskKind.CHECK_IN);
        } else {
            changed += retireNotStarted(TaskKind.ADOPTION_SME);
            boolean hasCheckIns = byKey.values().stream().anyMatch(t -> t.kind == TaskKind.CHECK_IN && !t.isRetired());
            if (!hasCheckIns) {
                CheckInCadence cadence = engagement.checkInCadence != null ? engagement.checkInCadence : policy.defaultCheckInCadence();
                for (int i = 1; i <= policy.defaultCheckInCount(); i++) {
                    created += checkIn(day.plusDays((long) cadence.days * i));
                }
            }
        }
        return reported(synced.plus(new Effect(created, changed)));
    }

    /** Playbook: Next steps — the FM schedules regular check-ins. */
    public Effect checkInScheduled(CheckInCadence cadence, LocalDate nextDate, Instant at) {
        engagement.agreeCadence(cadence);
        Effect synced = followServices(at);
        int created = nextDate == null ? 0 : checkIn(nextDate);
        return reported(synced.plus(new Effect(created, 0)));
    }

    /**
     * One task per applicable published template of this playbook (2536 always, value-add tasks when an intended service
     * matches); a task whose service left is retired unless it is completed, and comes back if the service does.
     */
    private Effect followServices(Instant at) {
        Set<Workload> intended = engagement.services();
        int created = 0;
        int changed = 0;
        for (TaskTemplate template : published) {
            String key = ftopKey(template.templateKey);
            TaskInstance existing = byKey.get(key);
            boolean applies = template.appliesTo(intended);
            if (existing == null) {
                if (applies) {
                    add(TaskInstance.fromTemplate(engagement, template, key, day(at).plusDays(template.dueOffsetDays), now));
                    created++;
                }
            } else if (applies && existing.isRetired()) {
                existing.restore(now);
                changed++;
            } else if (!applies && !existing.isRetired() && existing.status != TaskStatus.COMPLETED) {
                existing.retire(now);
                changed++;
            }
        }
        return new Effect(created, changed);
    }

    /** A Next steps task, made once per key; a retired one comes back (not counted as a change). */
    private int ensure(String key, TaskKind kind, String name, LocalDate due) {
        TaskInstance existing = byKey.get(key);
        if (existing != null) {
            if (existing.isRetired()) {
                existing.restore(now);
            }
            return 0;
        }
        add(TaskInstance.nextStep(engagement, key, kind, name, due, now));
        return 1;
    }

    private int checkIn(LocalDate date) {
        return ensure(CHECK_IN + date, TaskKind.CHECK_IN, "Check-in " + date, date);
    }

    /** The other Next steps no longer apply: those not started are retired; started ones stay. */
    private int retireNotStarted(TaskKind kind) {
        List<TaskInstance> open = byKey.values().stream()
                .filter(t -> t.kind == kind && !t.isRetired() && t.status == TaskStatus.NOT_STARTED).toList();
        open.forEach(t -> t.retire(now));
        return open.size();
    }

    private void add(TaskInstance task) {
        byKey.put(task.dedupeKey, task);
        added.add(task);
    }

    private Effect reported(Effect effect) {
        if (effect.any()) {
            engagement.reportProgress(byKey.values(), day(now));
        }
        return effect;
    }

    private String workshopKey() {
        return ftopKey(TaskTemplate.key(policy.playbookProcess(), SUCCESS_WORKSHOP_TASK));
    }

    static String ftopKey(String templateKey) {
        return "FTOP:" + templateKey;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
