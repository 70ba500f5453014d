package com.successworkshop.kit.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule every service's layer test runs, tried on small services of its own: one right side up, two not. */
class LayerRulesTest {

    static final String FIXTURE = "com.successworkshop.kit.testing.fixture";

    static void check(String service) {
        LayerRules.check(new ClassFileImporter().importPackages(FIXTURE + "." + service), FIXTURE + "." + service);
    }

    @Test
    void layersThatImportOnlyDownwardsPass() {
        assertDoesNotThrow(() -> check("good"));
    }

    @Test
    void aDomainClassImportingARestDtoFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check("bad"));
        assertTrue(e.getMessage().contains("bad.domain.Workshop") && e.getMessage().contains("WorkshopDto"), e.getMessage());
    }

    @Test
    void anApplicationClassUsingAKafkaTypeFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check("kafka"));
        assertTrue(e.getMessage().contains("ProducerRecord"), e.getMessage());
    }
}
