package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.EngagementEvents.EngagementCreated;
import com.successworkshop.engagement.domain.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.successworkshop.engagement.domain.Engagements.NOW;
import static com.successworkshop.engagement.domain.Engagements.details;
import static com.successworkshop.engagement.domain.Engagements.opened;
import static com.successworkshop.engagement.domain.Engagements.row;
import static com.successworkshop.engagement.domain.Workload.OD;
import static com.successworkshop.engagement.domain.Workload.SPO;
import static com.successworkshop.engagement.domain.Workload.TEAMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FTOP Services tab in Engagement: intended services added, their status set, retired but never deleted. */
class IntendedServicesTest {

    private static final Instant LATER = NOW.plusSeconds(3600);

    private static String invalidField(Executable change) {
        List<DomainException.InvalidInput.Field> fields = assertThrows(DomainException.InvalidInput.class, change).fields();
        assertEquals(1, fields.size());
        return fields.getFirst().field();
    }

    private static ServicesTabRow status(Workload w, ServiceStatus l1, String l2, LocalDate targetDate) {
        return new ServicesTabRow(w, l1, l2, targetDate, "Owner", null, null, null);
    }

    @Test
    void anEngagementOpensWithItsServicesAndRaisesEngagementCreated() {
        UUID id = UUID.randomUUID();
        Engagement e = Engagement.open(id, "partner-1", details(25_000, true, false), List.of(row(SPO), row(OD)), NOW);

        assertEquals(EngagementPhase.ASSESS, e.phase());
        assertEquals(EngagementStatus.FULLY_ENGAGED, e.status());
        assertEquals(WorkshopState.NOT_SCHEDULED, e.workshop().state());
        assertEquals(ServiceStatus.STATUS_UNKNOWN, e.intendedServices().getFirst().row().l1Status());
        List<DomainEvent> events = e.takeEvents();
        assertEquals(1, events.size());
        assertEquals("EngagementCreated", events.getFirst().name());
        assertEquals(new EngagementCreated(id, "partner-1", "Contoso", "fm@partner.example", 25_000, true, false, List.of("OD", "SPO")),
                events.getFirst().data());
    }

    @Test
    void aServiceIsIntendedOnceAndItsStatusFollowsTheServicesTab() {
        assertEquals("intendedServices[1].workload",
                invalidField(() -> Engagement.open(UUID.randomUUID(), "p", details(1, false, false), List.of(row(OD), row(OD)), NOW)));
        assertEquals("intendedServices[0].targetDate", invalidField(() -> Engagement.open(UUID.randomUUID(), "p",
                details(1, false, false), List.of(status(OD, ServiceStatus.IN_PROGRESS, "Migration", null)), NOW)));
        assertEquals("intendedServices[0].l2Status", invalidField(() -> Engagement.open(UUID.randomUUID(), "p",
                details(1, false, false), List.of(status(OD, ServiceStatus.NO_INTENT, "Migration", null)), NOW)));
        assertEquals("intendedServices",
                invalidField(() -> Engagement.open(UUID.randomUUID(), "p", details(1, false, false), List.of(), NOW)));
    }

    @Test
    void addingAServiceRaisesIntendedServicesChanged() {
        Engagement e = opened(OD);
        e.addIntendedService(row(SPO), LATER);

        assertEquals(List.of("OD", "SPO"), e.intendedServiceCodes());
        assertEquals(LATER, e.updatedAt());
        List<DomainEvent> events = e.takeEvents();
        assertEquals("IntendedServicesChanged", events.getFirst().name());
        assertEquals(new IntendedServicesChanged(e.id(), "partner-1", List.of("SPO"), List.of(), List.of("OD", "SPO")), events.getFirst().data());

        var twice = assertThrows(DomainException.RuleViolated.class, () -> e.addIntendedService(row(SPO), NOW));
        assertEquals("intended-service.already-intended", twice.rule());
        assertTrue(e.takeEvents().isEmpty());
    }

    @Test
    void aRemovedServiceIsRetiredAndTheLastOneStays() {
        Engagement e = opened(OD, SPO);
        e.removeIntendedService(OD, LATER);

        IntendedService od = e.intendedServices().stream().filter(s -> s.workload() == OD).findFirst().orElseThrow();
        assertEquals(LATER, od.removedAt(), "kept, marked removed");
        assertEquals(2, e.intendedServices().size());
        assertEquals(List.of("SPO"), e.intendedServiceCodes());
        assertEquals(new IntendedServicesChanged(e.id(), "partner-1", List.of(), List.of("OD"), List.of("SPO")), e.takeEvents().getFirst().data());

        assertEquals("intended-service.at-least-one",
                assertThrows(DomainException.RuleViolated.class, () -> e.removeIntendedService(SPO, NOW)).rule());
        assertThrows(DomainException.NotFound.class, () -> e.removeIntendedService(OD, NOW), "a retired service is not intended");
        assertThrows(DomainException.NotFound.class, () -> e.removeIntendedService(TEAMS, NOW));
    }

    @Test
    void aRetiredServiceComesBackWithTheStatusGiven() {
        Engagement e = opened(OD, SPO);
        e.removeIntendedService(OD, NOW);
        e.takeEvents();
        e.addIntendedService(status(OD, ServiceStatus.BLOCKED, "Legal/Regulatory", LocalDate.of(2027, 5, 1)), LATER);

        assertEquals(2, e.intendedServices().size(), "the same row");
        IntendedService od = e.activeServices().stream().filter(s -> s.workload() == OD).findFirst().orElseThrow();
        assertNull(od.removedAt());
        assertEquals(ServiceStatus.BLOCKED, od.row().l1Status());
        assertEquals(List.of("OD"), ((IntendedServicesChanged) e.takeEvents().getFirst().data()).added());
    }

    @Test
    void theStatusOfAnIntendedServiceChangesWithoutAnEvent() {
        Engagement e = opened(OD);
        assertEquals("targetDate", invalidField(() -> e.updateIntendedService(status(OD, ServiceStatus.BLOCKED, "Legal/Regulatory", null), NOW)));
        assertEquals("l2Status", invalidField(() -> e.updateIntendedService(status(OD, ServiceStatus.BLOCKED, "Migration", LocalDate.of(2027, 5, 1)), NOW)));
        assertEquals(ServiceStatus.STATUS_UNKNOWN, e.activeServices().getFirst().row().l1Status(), "a refused status changes nothing");

        IntendedService s = e.updateIntendedService(status(OD, ServiceStatus.IN_PROGRESS, "Migration", LocalDate.of(2027, 2, 28)), LATER);
        assertEquals(ServiceStatus.IN_PROGRESS, s.row().l1Status());
        assertEquals("Migration", s.row().l2Status());
        assertEquals(LATER, e.updatedAt());
        assertTrue(e.takeEvents().isEmpty());
        assertThrows(DomainException.NotFound.class, () -> e.updateIntendedService(row(SPO), NOW));
    }

    @Test
    void eachL1StatusAllowsItsOwnL2Values() {
        Engagement e = opened(OD);
        for (ServiceStatus l1 : ServiceStatus.values()) {
            for (String l2 : l1.l2Values) {
                e.updateIntendedService(status(OD, l1, l2, l1.requiresTargetDate ? LocalDate.of(2027, 1, 1) : null), NOW);
                assertEquals(l2, e.activeServices().getFirst().row().l2Status());
            }
        }
        assertFalse(ServiceStatus.DUPLICATE_INVALID.requiresTargetDate);
    }
}
