package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSAT matrix's playbook rules (Capture SSAT, Outcomes), without database, HTTP or Kafka. */
class SsatMatrixRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID ID = UUID.randomUUID();

    private static SsatMatrix matrix(Workload... services) {
        SsatMatrix m = SsatMatrix.open(ID, "p1", "Contoso Ltd", List.of(services), T0, T0);
        m.takeEvents();
        return m;
    }

    private static SsatEvents.SsatReadinessChanged readiness(DomainEvent e) {
        assertEquals("SsatReadinessChanged", e.name());
        assertEquals(ID.toString(), e.subject());
        return (SsatEvents.SsatReadinessChanged) e.data();
    }

    private static void allIn(SsatMatrix m, Workload w, FactorStatus status) {
        for (SsatFactor f : SsatFactor.values()) {
            m.updateFactor(w, f, status, "gap", "reason", null, "fm", T0);
        }
    }

    @Test
    void aNewMatrixHasEveryIntendedServiceWithTheFourFactorsNotStartedAndPublishesItsReadiness() {
        SsatMatrix m = SsatMatrix.open(ID, "p1", "Contoso Ltd", List.of(Workload.SPO, Workload.OD), T0, T0);
        assertEquals(2, m.activeServices().size());
        for (IntendedService s : m.activeServices()) {
            assertEquals(List.of(SsatFactor.values()), s.factors().stream().map(SsatFactorState::factor).toList());
            assertTrue(s.factors().stream().allMatch(f -> f.status() == FactorStatus.NOT_STARTED));
            assertFalse(s.recorded());
        }
        List<DomainEvent> events = m.takeEvents();
        assertEquals(1, events.size());
        SsatEvents.SsatReadinessChanged r = readiness(events.get(0));
        assertEquals(new SsatEvents.SsatReadinessChanged(ID, "p1", 0, 2, false, List.of(Workload.OD, Workload.SPO), 0, 0, 8), r);
    }

    @Test
    void updatingAFactorRaisesFactorUpdatedThenReadinessChanged() {
        SsatMatrix m = matrix(Workload.OD);
        m.updateFactor(Workload.OD, SsatFactor.STAKEHOLDERS, FactorStatus.IN_PLACE, null, null, " Aiko Tanaka ", "fm@p1", T0);
        List<DomainEvent> events = m.takeEvents();
        assertEquals(List.of("SsatFactorUpdated", "SsatReadinessChanged"), events.stream().map(DomainEvent::name).toList());
        assertEquals(new SsatEvents.SsatFactorUpdated(ID, "p1", Workload.OD, SsatFactor.STAKEHOLDERS, FactorStatus.NOT_STARTED,
                FactorStatus.IN_PLACE, null, null, "Aiko Tanaka", "fm@p1", T0), events.get(0).data());
        assertEquals(1, readiness(events.get(1)).factorsInPlace());
        assertEquals(T0, m.updatedAt());
        assertTrue(m.takeEvents().isEmpty(), "taken events are gone");
    }

    @Test
    void aGapNeedsItsTextAndNotApplicableItsReason() {
        SsatMatrix m = matrix(Workload.OD);
        var noGap = assertThrows(DomainException.InvalidInput.class, () ->
                m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.GAP_IDENTIFIED, "  ", null, null, "fm", T0));
        assertEquals("gap", noGap.fields().get(0).field());
        var noReason = assertThrows(DomainException.InvalidInput.class, () ->
                m.updateFactor(Workload.OD, SsatFactor.TRAINING, FactorStatus.NOT_APPLICABLE, null, null, null, "fm", T0));
        assertEquals("reason", noReason.fields().get(0).field());
        assertTrue(m.takeEvents().isEmpty(), "a refused change raises nothing");
        assertEquals(FactorStatus.NOT_STARTED, m.service(Workload.OD).orElseThrow().factor(SsatFactor.SCENARIOS).status());

        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.GAP_IDENTIFIED, " No pilot scenario ", "ignored", "Kenji", "fm", T0);
        SsatFactorState f = m.service(Workload.OD).orElseThrow().factor(SsatFactor.SCENARIOS);
        assertEquals("No pilot scenario", f.gap());
        assertNull(f.reason(), "only NOT_APPLICABLE keeps a reason");
        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.NOT_APPLICABLE, null, " Rolled out silently ", null, "fm", T0);
        assertNull(f.gap(), "only GAP_IDENTIFIED keeps a gap");
        assertEquals("Rolled out silently", f.reason());
        assertEquals("Kenji", f.owner(), "no owner given keeps the owner");
        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.IN_PROGRESS, null, null, " ", "fm", T0);
        assertNull(f.owner(), "a blank owner clears it");
    }

    @Test
    void notStartedIsOnlyTheInitialState() {
        SsatMatrix m = matrix(Workload.OD);
        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.NOT_STARTED, null, null, null, "fm", T0);
        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.IN_PROGRESS, null, null, null, "fm", T0);
        m.takeEvents();
        var back = assertThrows(DomainException.InvalidInput.class, () ->
                m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.NOT_STARTED, null, null, null, "fm", T0));
        assertEquals("status", back.fields().get(0).field());
        assertTrue(m.takeEvents().isEmpty());
    }

    @Test
    void aRetiredServiceIsReadOnlyAndAnUnknownOneIsNotFound() {
        SsatMatrix m = matrix(Workload.OD, Workload.SPO);
        m.changeIntendedServices(T0.plusSeconds(1), List.of(Workload.OD), List.of(), List.of(), T0);
        m.takeEvents();
        var retired = assertThrows(DomainException.RuleViolated.class, () ->
                m.updateFactor(Workload.SPO, SsatFactor.TRAINING, FactorStatus.IN_PLACE, null, null, null, "fm", T0));
        assertEquals("ssat.service-retired", retired.rule());
        assertEquals("ssat.service-retired", assertThrows(DomainException.RuleViolated.class, () ->
                m.markNoPrerequisites(Workload.SPO, "none", "fm", T0)).rule());
        assertThrows(DomainException.NotFound.class, () ->
                m.updateFactor(Workload.TEAMS, SsatFactor.TRAINING, FactorStatus.IN_PLACE, null, null, null, "fm", T0));
        assertTrue(m.takeEvents().isEmpty());
    }

    @Test
    void aServiceIsRecordedWhenNoFactorIsNotStartedOrItIsMarkedWithAReason() {
        SsatMatrix m = matrix(Workload.OD, Workload.SPO);
        m.updateFactor(Workload.OD, SsatFactor.STAKEHOLDERS, FactorStatus.IN_PLACE, null, null, null, "fm", T0);
        m.updateFactor(Workload.OD, SsatFactor.SCENARIOS, FactorStatus.GAP_IDENTIFIED, "No pilot", null, "Kenji", "fm", T0);
        m.updateFactor(Workload.OD, SsatFactor.AWARENESS, FactorStatus.NOT_APPLICABLE, null, "Silent", null, "fm", T0);
        assertEquals(new SsatReadiness(0, 2, false, List.of(Workload.OD, Workload.SPO), 1, 8, 1), m.readiness());
        m.updateFactor(Workload.OD, SsatFactor.TRAINING, FactorStatus.IN_PROGRESS, null, null, null, "fm", T0);
        assertEquals(new SsatReadiness(1, 2, false, List.of(Workload.SPO), 1, 8, 1), m.readiness());
        m.takeEvents();

        m.markNoPrerequisites(Workload.SPO, "  Customer already runs SharePoint 2019  ", "fm", T0);
        IntendedService spo = m.service(Workload.SPO).orElseThrow();
        assertEquals("Customer already runs SharePoint 2019", spo.noPrerequisitesReason());
        assertTrue(spo.recorded());
        List<DomainEvent> events = m.takeEvents();
        assertEquals(1, events.size());
        SsatEvents.SsatReadinessChanged r = readiness(events.get(0));
        assertTrue(r.allRecorded());
        assertEquals(2, r.servicesRecorded());
        assertEquals(List.of(), r.missingServices());

        m.clearNoPrerequisites(Workload.SPO, "fm", T0);
        assertFalse(spo.recorded());
        assertFalse(readiness(m.takeEvents().get(0)).allRecorded());
    }

    @Test
    void gapsAreTheGapIdentifiedFactorsOfActiveServicesByServiceThenFactor() {
        SsatMatrix m = matrix(Workload.SPO, Workload.OD, Workload.TEAMS);
        m.updateFactor(Workload.SPO, SsatFactor.TRAINING, FactorStatus.GAP_IDENTIFIED, "no trainer", null, null, "fm", T0);
        m.updateFactor(Workload.OD, SsatFactor.TRAINING, FactorStatus.GAP_IDENTIFIED, "no budget", null, null, "fm", T0);
        m.updateFactor(Workload.OD, SsatFactor.STAKEHOLDERS, FactorStatus.GAP_IDENTIFIED, "no sponsor", null, null, "fm", T0);
        m.updateFactor(Workload.TEAMS, SsatFactor.SCENARIOS, FactorStatus.GAP_IDENTIFIED, "none", null, null, "fm", T0);
        m.changeIntendedServices(T0.plusSeconds(1), null, List.of(), List.of(Workload.TEAMS), T0);
        assertEquals(List.of("OD/STAKEHOLDERS", "OD/TRAINING", "SPO/TRAINING"),
                m.gaps().stream().map(f -> f.service().workload() + "/" + f.factor()).toList());
        assertEquals(3, m.readiness().gaps());
        assertEquals(2, m.readiness().servicesTotal(), "a retired service is left out of readiness");
    }

    @Test
    void intendedServicesFollowTheEngagementAndAnOlderListChangesNothing() {
        SsatMatrix m = matrix(Workload.OD, Workload.SPO);
        assertTrue(m.changeIntendedServices(T0.plusSeconds(5), List.of(Workload.OD, Workload.TEAMS), null, null, T0));
        assertEquals(List.of(Workload.OD, Workload.TEAMS), m.activeServices().stream().map(IntendedService::workload).toList());
        assertEquals(T0.plusSeconds(5), m.service(Workload.SPO).orElseThrow().retiredAt());
        assertTrue(m.intends(Workload.TEAMS));
        assertFalse(m.intends(Workload.SPO));
        SsatEvents.SsatReadinessChanged r = readiness(m.takeEvents().get(0));
        assertEquals(2, r.servicesTotal());
        assertEquals(List.of(Workload.OD, Workload.TEAMS), r.missingServices());

        assertFalse(m.changeIntendedServices(T0.plusSeconds(1), List.of(Workload.EXO), null, null, T0), "older than the list applied");
        assertFalse(m.intends(Workload.EXO));
        assertTrue(m.takeEvents().isEmpty());

        // Only what was added and removed: SPO comes back (the same row, reinstated), TEAMS goes.
        m.changeIntendedServices(T0.plusSeconds(6), null, List.of(Workload.SPO), List.of(Workload.TEAMS), T0);
        assertEquals(List.of(Workload.OD, Workload.SPO), m.activeServices().stream().map(IntendedService::workload).toList());
        assertNull(m.service(Workload.SPO).orElseThrow().retiredAt());
        assertEquals(3, m.services().size(), "services are retired, never deleted");
        assertEquals(1, m.takeEvents().size());

        m.changeIntendedServices(T0.plusSeconds(7), List.of(Workload.SPO, Workload.OD), null, null, T0);
        assertTrue(m.takeEvents().isEmpty(), "the same list again changes nothing and raises nothing");
        assertEquals(T0.plusSeconds(7), m.servicesChangedAt());
    }

    @Test
    void theFirstWorkshopSnapshotWins() {
        SsatMatrix m = matrix(Workload.OD);
        Instant completed = T0.plusSeconds(60);
        m.keepWorkshopSnapshot(completed, x -> "{\"takenAt\":\"" + x.snapshotTakenAt() + "\"}", T0);
        assertEquals(completed, m.snapshotTakenAt());
        assertEquals("{\"takenAt\":\"" + completed + "\"}", m.snapshot());
        m.keepWorkshopSnapshot(completed.plusSeconds(60), x -> "later", T0);
        assertEquals(completed, m.snapshotTakenAt());
        assertEquals("{\"takenAt\":\"" + completed + "\"}", m.snapshot());
        assertTrue(m.takeEvents().isEmpty(), "a snapshot publishes nothing");
    }
}
