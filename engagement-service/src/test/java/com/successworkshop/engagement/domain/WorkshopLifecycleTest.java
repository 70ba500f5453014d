package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.EngagementEvents.KickoffCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCancelled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopRescheduled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopScheduled;
import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.successworkshop.engagement.domain.Engagements.NEXT_MONTH;
import static com.successworkshop.engagement.domain.Engagements.NOW;
import static com.successworkshop.engagement.domain.Engagements.kickedOff;
import static com.successworkshop.engagement.domain.Engagements.opened;
import static com.successworkshop.engagement.domain.Engagements.readiness;
import static com.successworkshop.engagement.domain.Engagements.scheduled;
import static com.successworkshop.engagement.domain.Workload.OD;
import static com.successworkshop.engagement.domain.Workload.SPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The success workshop's state machine in Engagement: kickoff → schedule → reschedule/cancel → complete. */
class WorkshopLifecycleTest {

    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final WorkshopOutcomes OUTCOMES = new WorkshopOutcomes(true, "Aiko Tanaka", "Microsoft Teams",
            CheckInCadence.BIWEEKLY, "Medium", null);

    private static String refusal(Executable change) {
        return assertThrows(DomainException.RuleViolated.class, change).rule();
    }

    private static DomainEvent onlyEvent(Engagement e) {
        List<DomainEvent> events = e.takeEvents();
        assertEquals(1, events.size(), "one event per step: " + events);
        assertEquals(e.id().toString(), events.getFirst().subject());
        return events.getFirst();
    }

    @Test
    void kickoffCompletesOnce() {
        Engagement e = opened(OD);
        e.completeKickoff(LATER);
        DomainEvent event = onlyEvent(e);
        assertEquals("KickoffCompleted", event.name());
        assertEquals(new KickoffCompleted(e.id(), "partner-1", LATER), event.data());
        assertEquals(LATER, e.kickoffCompletedAt());
        assertEquals(LATER, e.updatedAt(), "a step moves the version");

        assertEquals("kickoff.already-complete", refusal(() -> e.completeKickoff(LATER)));
        assertTrue(e.takeEvents().isEmpty());
    }

    @Test
    void aWorkshopIsScheduledOnlyAfterKickoff() {
        Engagement e = opened(OD);
        assertEquals("prerequisites.kickoff-complete", refusal(() -> e.scheduleWorkshop(NEXT_MONTH, 120, null, null, NOW)));
        assertEquals(WorkshopState.NOT_SCHEDULED, e.workshop().state());
        assertTrue(e.takeEvents().isEmpty());
    }

    @Test
    void aCustomerInTheAdoptionBenefitProgramGetsNoWorkshop() {
        Engagement e = Engagement.open(UUID.randomUUID(), "partner-1", Engagements.details(30_000, true, true),
                List.of(Engagements.row(OD)), NOW);
        e.completeKickoff(NOW);
        assertEquals("prerequisites.not-enrolled-in-adoption-benefit", refusal(() -> e.scheduleWorkshop(NEXT_MONTH, 120, null, null, NOW)));
    }

    @Test
    void schedulingSetsTheWorkshopAndRaisesWorkshopScheduled() {
        Engagement e = kickedOff(OD);
        List<Attendee> attendees = List.of(new Attendee("Aiko Tanaka", "Contoso", "Success owner"));
        e.scheduleWorkshop(NEXT_MONTH, 120, attendees, null, LATER);

        SuccessWorkshop w = e.workshop();
        assertEquals(WorkshopState.SCHEDULED, w.state());
        assertEquals(NEXT_MONTH, w.startsAt());
        assertEquals(120, w.durationMinutes());
        assertEquals(List.of(), w.agenda());
        DomainEvent event = onlyEvent(e);
        assertEquals("WorkshopScheduled", event.name());
        assertEquals(new WorkshopScheduled(e.id(), "partner-1", NEXT_MONTH, 120, attendees), event.data());
    }

    @Test
    void aScheduledWorkshopIsRescheduledNotScheduledAgain() {
        Engagement e = scheduled(OD);
        var refused = assertThrows(DomainException.RuleViolated.class, () -> e.scheduleWorkshop(NEXT_MONTH, 60, null, null, NOW));
        assertEquals("workshop.state", refused.rule());
        assertTrue(refused.getMessage().contains("reschedule"), refused.getMessage());

        Instant moved = NEXT_MONTH.plusSeconds(86_400);
        e.rescheduleWorkshop(moved, 90, "Sponsor travelling", LATER);
        assertEquals(moved, e.workshop().startsAt());
        assertEquals(90, e.workshop().durationMinutes());
        DomainEvent event = onlyEvent(e);
        assertEquals("WorkshopRescheduled", event.name());
        assertEquals(new WorkshopRescheduled(e.id(), "partner-1", NEXT_MONTH, moved, 90, "Sponsor travelling"), event.data());
    }

    @Test
    void onlyAScheduledWorkshopIsRescheduledCancelledOrCompleted() {
        Engagement e = kickedOff(OD);
        assertEquals("workshop.state", refusal(() -> e.rescheduleWorkshop(NEXT_MONTH, 60, null, NOW)));
        assertEquals("workshop.state", refusal(() -> e.cancelWorkshop("nothing to cancel", NOW)));
        assertEquals("workshop.state", refusal(() -> e.completeWorkshop(OUTCOMES, readiness(e.id(), 1, 1, List.of()), NOW)));
        assertTrue(e.takeEvents().isEmpty());
    }

    @Test
    void aCancelledWorkshopCanBeScheduledAgain() {
        Engagement e = scheduled(OD);
        e.cancelWorkshop("Customer asked to postpone", NOW);
        assertEquals(WorkshopState.CANCELLED, e.workshop().state());
        assertEquals("Customer asked to postpone", e.workshop().cancelReason());
        DomainEvent event = onlyEvent(e);
        assertEquals("WorkshopCancelled", event.name());
        assertEquals(new WorkshopCancelled(e.id(), "partner-1", "Customer asked to postpone"), event.data());

        e.scheduleWorkshop(NEXT_MONTH, 60, null, null, NOW);
        assertEquals(WorkshopState.SCHEDULED, e.workshop().state());
        assertNull(e.workshop().cancelReason());
    }

    @Test
    void completionWaitsForSsatOfEveryIntendedService() {
        Engagement e = scheduled(SPO, OD);

        var nothingHeard = assertThrows(SsatReadiness.NotRecorded.class, () -> e.completeWorkshop(OUTCOMES, null, NOW));
        assertEquals("outcomes.ssat-recorded-for-every-intended-service", nothingHeard.rule());
        assertEquals(List.of("OD", "SPO"), nothingHeard.missingServices());
        assertTrue(nothingHeard.getMessage().contains("no SSAT readiness has been received"), nothingHeard.getMessage());
        assertTrue(nothingHeard.getMessage().contains("eventually consistent"), nothingHeard.getMessage());

        var spoMissing = assertThrows(SsatReadiness.NotRecorded.class,
                () -> e.completeWorkshop(OUTCOMES, readiness(e.id(), 1, 2, List.of("SPO")), NOW));
        assertEquals(List.of("SPO"), spoMissing.missingServices());
        assertTrue(spoMissing.getMessage().contains("as of the last SSAT event received at " + NOW), spoMissing.getMessage());

        var serviceAddedSince = assertThrows(SsatReadiness.NotRecorded.class,
                () -> e.completeWorkshop(OUTCOMES, readiness(e.id(), 1, 1, List.of()), NOW));
        assertEquals(List.of("OD", "SPO"), serviceAddedSince.missingServices(), "ssat-service counted fewer services than are intended");

        assertEquals(WorkshopState.SCHEDULED, e.workshop().state());
        assertTrue(e.takeEvents().isEmpty());
    }

    @Test
    void completionRecordsTheOutcomesAndRaisesWorkshopCompleted() {
        Engagement e = scheduled(SPO, OD);
        e.completeWorkshop(OUTCOMES, readiness(e.id(), 2, 2, List.of()), LATER);

        assertEquals(WorkshopState.COMPLETED, e.workshop().state());
        assertEquals(LATER, e.workshop().completedAt());
        assertEquals(OUTCOMES, e.workshop().outcomes());
        assertEquals(CheckInCadence.BIWEEKLY, e.checkIns().cadence(), "the cadence agreed at the workshop");
        DomainEvent event = onlyEvent(e);
        assertEquals("WorkshopCompleted", event.name());
        assertEquals(new WorkshopCompleted(e.id(), "partner-1", LATER, OUTCOMES, List.of("OD", "SPO")), event.data());

        assertEquals("workshop.state", refusal(() -> e.completeWorkshop(OUTCOMES, readiness(e.id(), 2, 2, List.of()), NOW)));
        var completed = assertThrows(DomainException.RuleViolated.class, () -> e.scheduleWorkshop(NEXT_MONTH, 60, null, null, NOW));
        assertEquals("workshop.state", completed.rule());
        assertEquals("The workshop is already completed", completed.getMessage());
    }

    @Test
    void checkInsScheduledBeforeTheWorkshopKeepTheirCadence() {
        Engagement e = scheduled(OD);
        e.scheduleCheckIns(CheckInCadence.WEEKLY, LocalDate.of(2030, 1, 7), null, NOW);
        e.completeWorkshop(OUTCOMES, readiness(e.id(), 1, 1, List.of()), NOW);
        assertEquals(CheckInCadence.WEEKLY, e.checkIns().cadence());
        assertInstanceOf(WorkshopCompleted.class, e.takeEvents().getLast().data());
    }
}
