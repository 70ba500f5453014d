package com.successworkshop.engagement.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read models of other services' events, and DIBS risks. */
class ReadModelsTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anOlderEventChangesNothing() {
        SsatReadiness r = new SsatReadiness(UUID.randomUUID());
        assertTrue(r.apply(T, new SsatReadiness.Reported(2, 2, true, List.of(), 0)));
        assertFalse(r.apply(T.minusSeconds(60), new SsatReadiness.Reported(0, 2, false, List.of("OD", "SPO"), 3)));
        assertEquals(2, r.reported().servicesRecorded());
        assertTrue(r.reported().allRecorded());
        assertTrue(r.apply(T, new SsatReadiness.Reported(1, 2, false, List.of("SPO"), 1)), "an event of the same time applies");
        assertEquals(List.of("SPO"), r.missingOf(List.of("OD", "SPO")));

        TaskProgress p = new TaskProgress(UUID.randomUUID());
        assertTrue(p.apply(T, 1, 3, 1));
        assertFalse(p.apply(T.minusSeconds(1), 0, 3, 0));
        assertEquals(1, p.mandatoryDone());
        assertEquals(T, p.lastEventAt());
    }

    @Test
    void aDibsItemNotConfirmedAtKickoffIsARisk() {
        assertEquals(List.of(), new Dibs(java.time.LocalDate.of(2027, 3, 31), "Adopt", BusinessReason.INCREASE_SECURITY, "CIO").risks());
        assertEquals(List.of("DUE_DATE_MISSING", "BUSINESS_REASON_MISSING", "SUCCESS_OWNER_MISSING"),
                new Dibs(null, "Teams for frontline workers", null, " ").risks());
        assertEquals(4, new Dibs(null, null, null, null).risks().size());
    }
}
