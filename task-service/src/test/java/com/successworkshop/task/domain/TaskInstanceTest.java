package com.successworkshop.task.domain;

import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task state machine and the other changes of one task, without a database. */
class TaskInstanceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    static TaskInstance task(boolean mandatory) {
        EngagementRef engagement = EngagementRef.track(UUID.randomUUID(), "partner-a", NOW);
        TaskInstance t = TaskInstance.nextStep(engagement, "FTOP:p#3718", TaskKind.FTOP, "OneDrive - Deliver OneDrive Business Value Deck",
                TODAY.plusDays(28), NOW);
        t.ftopTaskId = 3718;
        t.mandatory = mandatory;
        return t;
    }

    private static TaskInstance.Change status(TaskStatus status, String reason) {
        return new TaskInstance.Change(status, reason, null, null, null);
    }

    private static TaskInstance.Change fields(String assignee, LocalDate due, String notes) {
        return new TaskInstance.Change(null, null, assignee, due, notes);
    }

    private static String refusal(Runnable change) {
        return assertThrows(DomainException.RuleViolated.class, change::run).rule();
    }

    @Test
    void aStartedTaskRaisesTaskStatusChangedWithItsData() {
        TaskInstance t = task(true);
        assertTrue(t.change(status(TaskStatus.IN_PROGRESS, null), "fm@a.example", false, NOW));
        assertEquals(TaskStatus.IN_PROGRESS, t.status);
        assertEquals(List.of(TaskStatus.BLOCKED, TaskStatus.COMPLETED, TaskStatus.NOT_APPLICABLE), t.allowedTransitions());

        List<DomainEvent> events = t.takeEvents();
        assertEquals(1, events.size());
        assertEquals("TaskStatusChanged", events.get(0).name());
        assertEquals(t.engagementId.toString(), events.get(0).subject());
        assertEquals(new TaskEvents.TaskStatusChanged(t.engagementId, "partner-a", t.id, TaskKind.FTOP, 3718, t.name, true,
                TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, null, "fm@a.example", NOW), events.get(0).data());
        assertTrue(t.takeEvents().isEmpty(), "taken once");
    }

    @Test
    void completingRecordsWhoAndWhenAndClosesTheTask() {
        TaskInstance t = task(true);
        t.change(status(TaskStatus.IN_PROGRESS, null), "fm", false, NOW);
        t.change(status(TaskStatus.COMPLETED, "ignored"), "fm@a.example", false, NOW.plusSeconds(60));
        assertEquals(TaskStatus.COMPLETED, t.status);
        assertEquals(NOW.plusSeconds(60), t.completedAt);
        assertEquals("fm@a.example", t.completedBy);
        assertNull(t.statusReason, "only BLOCKED and NOT_APPLICABLE keep a reason");
        assertEquals(List.of(), t.allowedTransitions());
        assertEquals("task.transition", refusal(() -> t.change(status(TaskStatus.IN_PROGRESS, null), "fm", false, NOW)));
    }

    @Test
    void aTransitionOutsideTheStateMachineIsRefusedNamingTheAllowedOnes() {
        TaskInstance t = task(false);
        var e = assertThrows(DomainException.RuleViolated.class, () -> t.change(status(TaskStatus.COMPLETED, null), "fm", false, NOW));
        assertEquals("task.transition", e.rule());
        assertEquals("A task cannot move from NOT_STARTED to COMPLETED; allowed from NOT_STARTED: [IN_PROGRESS, NOT_APPLICABLE]", e.getMessage());
        assertEquals(TaskStatus.NOT_STARTED, t.status);
        assertTrue(t.takeEvents().isEmpty());
        t.change(status(TaskStatus.IN_PROGRESS, null), "fm", false, NOW);
        t.change(status(TaskStatus.BLOCKED, "Sponsor away"), "fm", false, NOW);
        assertEquals("task.transition", refusal(() -> t.change(status(TaskStatus.NOT_APPLICABLE, "n/a"), "fm", false, NOW)));
    }

    @Test
    void blockedAndNotApplicableNeedAReason() {
        TaskInstance t = task(false);
        t.change(status(TaskStatus.IN_PROGRESS, null), "fm", false, NOW);
        var e = assertThrows(DomainException.InvalidInput.class, () -> t.change(status(TaskStatus.BLOCKED, " "), "fm", false, NOW));
        assertEquals("reason", e.fields().get(0).field());
        t.change(status(TaskStatus.BLOCKED, " Sponsor away "), "fm", false, NOW);
        assertEquals("Sponsor away", t.statusReason);
        assertEquals(List.of(TaskStatus.IN_PROGRESS), t.allowedTransitions());
    }

    @Test
    void onlyOpsSetsAMandatoryTaskNotApplicable() {
        TaskInstance t = task(true);
        assertEquals("task.mandatory-not-applicable",
                refusal(() -> t.change(status(TaskStatus.NOT_APPLICABLE, "customer declined"), "fm", false, NOW)));
        t.change(status(TaskStatus.NOT_APPLICABLE, "customer declined"), "ops", true, NOW);
        assertEquals(TaskStatus.NOT_APPLICABLE, t.status);
        assertEquals("customer declined", t.statusReason);

        TaskInstance optional = task(false);
        optional.change(status(TaskStatus.NOT_APPLICABLE, "n/a"), "fm", false, NOW);
        assertEquals(TaskStatus.NOT_APPLICABLE, optional.status);
        optional.change(status(TaskStatus.NOT_STARTED, null), "fm", false, NOW);
        assertNull(optional.statusReason);
        assertNull(optional.completedAt);
    }

    @Test
    void aRetiredTaskCannotChangeAtAll() {
        TaskInstance t = task(false);
        t.retire(NOW);
        assertEquals("task.retired", refusal(() -> t.change(fields(null, null, "a note"), "fm", false, NOW)));
        assertEquals("task.retired", refusal(() -> t.change(status(TaskStatus.IN_PROGRESS, null), "fm", false, NOW)));
        assertEquals(List.of(), t.allowedTransitions());
    }

    @Test
    void assigneeDueDateAndNotesChangeWithoutAnEventAndOnlyTheDueDateMovesProgress() {
        TaskInstance t = task(false);
        assertFalse(t.change(fields(" fm@a.example ", null, "Deck sent"), "fm", false, NOW.plusSeconds(5)));
        assertEquals("fm@a.example", t.assignee);
        assertEquals("Deck sent", t.notes);
        assertEquals(NOW.plusSeconds(5), t.updatedAt, "every accepted change moves the version");
        assertTrue(t.change(fields(null, TODAY.plusDays(3), null), "fm", false, NOW));
        assertEquals(TODAY.plusDays(3), t.dueDate);
        assertFalse(t.change(fields(null, TODAY.plusDays(3), null), "fm", false, NOW), "the same due date changes nothing");
        t.change(fields("", null, " "), "fm", false, NOW);
        assertNull(t.assignee);
        assertNull(t.notes);
        assertTrue(t.takeEvents().isEmpty());
    }

    @Test
    void overdueIsDueInThePastAndStillOpen() {
        TaskInstance t = task(false);
        t.change(fields(null, TODAY.minusDays(1), null), "fm", false, NOW);
        assertTrue(t.overdue(TODAY));
        assertFalse(t.overdue(TODAY.minusDays(1)), "due today is not overdue");
        t.change(status(TaskStatus.NOT_APPLICABLE, "n/a"), "fm", false, NOW);
        assertFalse(t.overdue(TODAY), "a closed task is never overdue");
        TaskInstance retired = task(false);
        retired.change(fields(null, TODAY.minusDays(1), null), "fm", false, NOW);
        retired.retire(NOW);
        assertFalse(retired.overdue(TODAY));
    }

    @Test
    void workshopCompletedCompletesTheTaskWhateverItsStateOnce() {
        TaskInstance t = task(true);
        t.retire(NOW);
        UUID event = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-10T11:00:00Z");
        assertTrue(t.completeByWorkshop(at, event, NOW));
        assertEquals(TaskStatus.COMPLETED, t.status);
        assertNull(t.retiredAt);
        assertEquals(at, t.completedAt);
        assertEquals("event:WorkshopCompleted", t.completedBy);
        assertEquals(event, t.completedByEvent);
        var data = (TaskEvents.TaskStatusChanged) t.takeEvents().get(0).data();
        assertEquals(TaskStatus.NOT_STARTED, data.previousStatus());
        assertEquals("Completed by the WorkshopCompleted event", data.reason());
        assertEquals("event:WorkshopCompleted", data.changedBy());
        assertFalse(t.completeByWorkshop(at, UUID.randomUUID(), NOW), "a redelivery changes nothing");
        assertTrue(t.takeEvents().isEmpty());
    }

    @Test
    void theWorkshopTaskIsDueOnTheWorkshopDayWhileOpen() {
        TaskInstance t = task(true);
        assertTrue(t.dueOnWorkshopDay(Instant.parse("2026-12-20T23:30:00Z"), NOW));
        assertEquals(LocalDate.parse("2026-12-20"), t.dueDate);
        assertFalse(t.dueOnWorkshopDay(Instant.parse("2026-12-20T08:00:00Z"), NOW), "same day");
        assertFalse(t.dueOnWorkshopDay(null, NOW));
        t.completeByWorkshop(NOW, UUID.randomUUID(), NOW);
        assertFalse(t.dueOnWorkshopDay(Instant.parse("2027-01-05T08:00:00Z"), NOW), "a closed task keeps its date");
    }
}
