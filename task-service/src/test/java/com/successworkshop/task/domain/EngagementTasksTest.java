package com.successworkshop.task.domain;

import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.task.domain.EngagementTasks.Effect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an engagement's tasks follow its events, on the six FTOP tasks of this playbook, without a database or Kafka. */
class EngagementTasksTest {

    private static final String PLAYBOOK = "assess-conduct-customer-success-workshop-partner";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final TaskPolicy POLICY = new TaskPolicy(PLAYBOOK, CheckInCadence.BIWEEKLY, 3, 14);
    private static final List<TaskTemplate> PUBLISHED = List.of(
            template(2536, Workload.ALL_SERVICES, 21), template(3278, "Outlook Mobile / AADP / Exchange / Intune", 28),
            template(3718, "OneDrive for Business", 28), template(3734, "Microsoft 365 Apps / Windows 10", 28),
            template(3737, "SharePoint", 28), template(3738, "Microsoft 365 Apps", 28));

    private EngagementRef ref;
    /** What the repository would hold: every task made so far. */
    private final List<TaskInstance> stored = new ArrayList<>();

    private static TaskTemplate template(int ftopTaskId, String names, int offset) {
        var d = new TaskTemplate.Definition(ftopTaskId, "Task " + ftopTaskId, true, "FastTrack Manager", Workload.isAllServices(names),
                Workload.parseNames(names), PLAYBOOK, "Assess", "Value-Add Discussions", offset);
        return TaskTemplate.imported(d, names, 1, NOW);
    }

    @BeforeEach
    void engagement() {
        ref = EngagementRef.track(UUID.randomUUID(), "partner-a", NOW);
    }

    /** One event's worth: the engagement's tasks as stored, the new ones stored after. */
    private EngagementTasks tasks() {
        ref.takeEvents();
        stored.forEach(TaskInstance::takeEvents);
        return new EngagementTasks(ref, stored, PUBLISHED, POLICY, NOW);
    }

    private Effect apply(java.util.function.Function<EngagementTasks, Effect> event) {
        EngagementTasks tasks = tasks();
        Effect effect = event.apply(tasks);
        stored.addAll(tasks.added());
        return effect;
    }

    private Set<Integer> open() {
        return stored.stream().filter(t -> t.kind == TaskKind.FTOP && !t.isRetired()).map(t -> t.ftopTaskId).collect(Collectors.toCollection(TreeSet::new));
    }

    private TaskInstance ftop(int id) {
        return stored.stream().filter(t -> Integer.valueOf(id).equals(t.ftopTaskId)).findFirst().orElseThrow();
    }

    private TaskEvents.TaskProgressChanged progress() {
        List<DomainEvent> events = ref.takeEvents();
        assertEquals(1, events.size(), "one TaskProgressChanged per event that changed anything");
        assertEquals("TaskProgressChanged", events.get(0).name());
        assertEquals(ref.engagementId.toString(), events.get(0).subject());
        return (TaskEvents.TaskProgressChanged) events.get(0).data();
    }

    @Test
    void anEngagementGetsTheWorkshopTaskAndTheValueAddTasksOfItsIntendedServices() {
        Effect effect = apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.OD, Workload.SPO), AT));
        assertEquals(new Effect(3, 0), effect);
        assertEquals(Set.of(2536, 3718, 3737), open());
        assertEquals("Contoso", ref.customerName);
        TaskInstance workshop = ftop(2536);
        assertEquals(DAY.plusDays(21), workshop.dueDate);
        assertEquals(TaskStatus.NOT_STARTED, workshop.status);
        assertEquals(1, workshop.templateVersion);
        assertEquals(ref.partnerId, workshop.partnerId);
        assertEquals(new TaskEvents.TaskProgressChanged(ref.engagementId, "partner-a", 0, 3, 0), progress());
    }

    @Test
    void aTaskWhoseServiceLeftIsRetiredAndComesBackWithItButACompletedOneStays() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.OD, Workload.SPO), AT));
        ftop(3718).completeByWorkshop(NOW, UUID.randomUUID(), NOW);
        Effect effect = apply(t -> t.servicesChanged(List.of(Workload.M365_APPS), AT));
        assertEquals(new Effect(2, 1), effect, "3734 and 3738 made, 3737 retired");
        assertEquals(Set.of(2536, 3718, 3734, 3738), open());
        assertNotNull(ftop(3737).retiredAt, "retired, never deleted");
        assertEquals(new TaskEvents.TaskProgressChanged(ref.engagementId, "partner-a", 1, 4, 0), progress());

        assertEquals(new Effect(0, 3), apply(t -> t.servicesChanged(List.of(Workload.SPO), AT)));
        assertNull(ftop(3737).retiredAt);
        assertEquals(Set.of(2536, 3718, 3737), open());
        assertEquals(5, stored.size(), "every task ever made is kept");
    }

    @Test
    void workshopCompletedCompletesTheWorkshopTaskOnceAndRaisesItsStatusChangeBeforeTheProgress() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.EXO), AT));
        UUID event = UUID.randomUUID();
        Instant completedAt = Instant.parse("2026-12-10T11:00:00Z");
        EngagementTasks tasks = tasks();
        assertEquals(new Effect(0, 1), tasks.workshopCompleted(completedAt, CheckInCadence.WEEKLY, event, AT));
        TaskInstance workshop = ftop(2536);
        assertEquals(TaskStatus.COMPLETED, workshop.status);
        assertEquals(completedAt, workshop.completedAt);
        assertEquals(event, workshop.completedByEvent);
        assertEquals(CheckInCadence.WEEKLY, ref.checkInCadence);
        List<String> raised = new ArrayList<>();
        tasks.all().forEach(t -> t.takeEvents().forEach(e -> raised.add(e.name())));
        ref.takeEvents().forEach(e -> raised.add(e.name()));
        assertEquals(List.of("TaskStatusChanged", "TaskProgressChanged"), raised);

        assertEquals(Effect.NONE, apply(t -> t.workshopCompleted(completedAt, null, UUID.randomUUID(), AT)), "a redelivery");
        assertTrue(ref.takeEvents().isEmpty(), "no progress when nothing changed");
    }

    @Test
    void theWorkshopTaskIsDueOnTheScheduledDay() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.OD), AT));
        assertEquals(new Effect(0, 1), apply(t -> t.workshopScheduled(Instant.parse("2026-12-15T09:00:00Z"), AT)));
        assertEquals(LocalDate.parse("2026-12-15"), ftop(2536).dueDate);
        assertEquals(Effect.NONE, apply(t -> t.workshopScheduled(Instant.parse("2026-12-15T15:00:00Z"), AT)));
    }

    @Test
    void nextStepsCheckInsAtTheAgreedCadenceUnlessEligibleThenAnAdoptionSme() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.EXO), AT));
        apply(t -> t.workshopCompleted(AT, CheckInCadence.WEEKLY, UUID.randomUUID(), AT));
        assertEquals(new Effect(3, 0), apply(t -> t.eligibilityDetermined(false, AT)));
        Map<String, LocalDate> checkIns = stored.stream().filter(t -> t.kind == TaskKind.CHECK_IN)
                .collect(Collectors.toMap(t -> t.name, t -> t.dueDate, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("Check-in 2026-12-08", DAY.plusDays(7), "Check-in 2026-12-15", DAY.plusDays(14),
                "Check-in 2026-12-22", DAY.plusDays(21)), checkIns);
        assertEquals(Effect.NONE, apply(t -> t.eligibilityDetermined(false, AT)), "check-ins are made once");

        assertEquals(new Effect(1, 3), apply(t -> t.eligibilityDetermined(true, AT)));
        TaskInstance sme = stored.stream().filter(t -> t.kind == TaskKind.ADOPTION_SME).findFirst().orElseThrow();
        assertEquals("Introduce adoption SME", sme.name);
        assertEquals(DAY.plusDays(14), sme.dueDate);
        assertEquals("Next steps", sme.section);
        assertTrue(stored.stream().filter(t -> t.kind == TaskKind.CHECK_IN).allMatch(TaskInstance::isRetired));
    }

    @Test
    void tasksThatLeaveTheFiguresAsReportedRaiseNoProgressAndTheNextChangedFigureDoes() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.EXO), AT));
        TaskEvents.TaskProgressChanged first = progress();
        assertEquals(new Effect(3, 0), apply(t -> t.eligibilityDetermined(false, AT)));
        assertTrue(ref.takeEvents().isEmpty(), "three check-ins, none mandatory: the figures are the ones reported");
        apply(t -> t.workshopCompleted(AT, null, UUID.randomUUID(), AT));
        assertEquals(new TaskEvents.TaskProgressChanged(ref.engagementId, "partner-a", first.mandatoryDone() + 1,
                first.mandatoryTotal(), 0), progress());
    }

    @Test
    void aScheduledCheckInIsAddedOnItsDate() {
        apply(t -> t.engagementCreated("Contoso", "fm@partner.example", List.of(Workload.EXO), AT));
        assertEquals(new Effect(1, 0), apply(t -> t.checkInScheduled(CheckInCadence.MONTHLY, LocalDate.parse("2026-12-24"), AT)));
        assertEquals(CheckInCadence.MONTHLY, ref.checkInCadence);
        assertTrue(stored.stream().anyMatch(t -> t.name.equals("Check-in 2026-12-24")));
        assertEquals(Effect.NONE, apply(t -> t.checkInScheduled(null, LocalDate.parse("2026-12-24"), AT)));
        assertEquals(CheckInCadence.MONTHLY, ref.checkInCadence, "no cadence keeps the agreed one");
    }

    @Test
    void anEventNamingAnotherPartnerCanNeverApply() {
        var e = assertThrows(DomainException.RuleViolated.class, () -> ref.requireOwner("partner-b"));
        assertEquals("engagement.other-partner", e.rule());
        ref.requireOwner("partner-a");
    }
}
