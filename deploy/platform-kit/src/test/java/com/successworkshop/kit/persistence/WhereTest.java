package com.successworkshop.kit.persistence;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WhereTest {

    enum Phase { INITIATE }

    @Test
    void aFilterWithoutAValueAddsNoConditionAndTextIsTrimmed() {
        Where w = Where.all().and("partnerId = :partner").with("partner", "p1")
                .and("status = :status", "status", null)
                .and("lower(fm) = lower(:fm)", "fm", "  ")
                .and("phase = :phase", "phase", Where.name(Phase.INITIATE))
                .and("section = :section", "section", " Capture SSAT ")
                .andIf(false, "retiredAt is null");
        assertEquals("partnerId = :partner and phase = :phase and section = :section", w.clause());
        assertEquals(Map.of("partner", "p1", "phase", "INITIATE", "section", "Capture SSAT"), w.params());
    }

    @Test
    void noConditionMeansEveryRow() {
        assertEquals("1 = 1", Where.all().and("kind = :kind", "kind", null).clause());
    }

    @Test
    void containsTextEscapesTheLikeWildcards() {
        assertEquals("%50\\% off\\_a\\\\b%", Where.containing(" 50% OFF_a\\b "));
        assertNull(Where.containing(" "));
    }
}
