package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.EngagementEvents.EligibilityDetermined;
import com.successworkshop.kit.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.successworkshop.engagement.domain.Engagements.NOW;
import static com.successworkshop.engagement.domain.Engagements.details;
import static com.successworkshop.engagement.domain.Engagements.row;
import static com.successworkshop.engagement.domain.Workload.OD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Goals 6: the Enhanced Adoption Service for an enterprise customer with more than 20,000 licences (configurable). */
class EligibilityPolicyTest {

    private static final EligibilityPolicy PLAYBOOK = EligibilityPolicy.playbook();

    @Test
    void exactly20000LicencesIsNotEligibleAnd20001Is() {
        EligibilityPolicy.Decision at = PLAYBOOK.decide(20_000, true);
        assertFalse(at.eligible());
        assertEquals(List.of("customer meets the enterprise criteria", "20000 licences is not > 20000"), at.reasons());
        assertEquals("playbook-2020-04-30/greater_than-20000", at.rulesVersion());

        EligibilityPolicy.Decision above = PLAYBOOK.decide(20_001, true);
        assertTrue(above.eligible());
        assertEquals(List.of("customer meets the enterprise criteria", "20001 licences > 20000"), above.reasons());
    }

    @Test
    void thePublicAddOnTextCountsTheThresholdItself() {
        EligibilityPolicy atLeast = new EligibilityPolicy(20_000, EligibilityPolicy.Comparison.AT_LEAST, "addon-text");
        assertTrue(atLeast.decide(20_000, true).eligible());
        assertEquals("20000 licences >= 20000", atLeast.decide(20_000, true).reasons().get(1));
        assertFalse(atLeast.decide(19_999, true).eligible());
        assertEquals("addon-text/at_least-20000", atLeast.rulesVersion());
        assertTrue(new EligibilityPolicy(5, EligibilityPolicy.Comparison.GREATER_THAN, "x").decide(6, true).eligible());
    }

    @Test
    void aNonEnterpriseCustomerIsNotEligibleWhateverItsLicences() {
        EligibilityPolicy.Decision d = PLAYBOOK.decide(90_000, false);
        assertFalse(d.eligible());
        assertEquals("customer does not meet the enterprise criteria", d.reasons().getFirst());
    }

    @Test
    void theEngagementDecidesWithThePolicyGivenAndRaisesEligibilityDetermined() {
        Engagement e = Engagement.open(UUID.randomUUID(), "partner-1", details(20_001, true, false), List.of(row(OD)), NOW);
        e.takeEvents();
        Instant later = NOW.plusSeconds(5);
        assertNotNull(e.decideEligibility(PLAYBOOK, later), "the decision to keep in the history");

        Eligibility d = e.currentEligibility();
        assertEquals("ENHANCED_ADOPTION_SERVICE", d.benefit());
        assertTrue(d.eligible());
        assertEquals(20_001, d.licenceCount());
        assertEquals(later, d.decidedAt());
        assertEquals(NOW, e.updatedAt(), "a decision is kept beside the engagement, which does not change");
        List<DomainEvent> events = e.takeEvents();
        assertEquals("EligibilityDetermined", events.getFirst().name());
        assertEquals(new EligibilityDetermined(e.id(), "partner-1", "ENHANCED_ADOPTION_SERVICE", true, d.reasons(),
                "playbook-2020-04-30/greater_than-20000", 20_001, true), events.getFirst().data());
    }

    @Test
    void changingLicencesOrTheEnterpriseFlagCallsForANewDecision() {
        Engagement e = Engagement.open(UUID.randomUUID(), "partner-1", details(20_000, true, false), List.of(row(OD)), NOW);
        Instant later = NOW.plusSeconds(5);

        Engagement.Changes licences = e.change(new EngagementDetails(null, null, null, 20_001, null, null, null, null, null), later);
        assertEquals(List.of("licenceCount"), licences.fields());
        assertTrue(licences.eligibilityToDecideAgain());
        e.decideEligibility(PLAYBOOK, later);
        assertTrue(e.currentEligibility().eligible());
        assertEquals(later, e.updatedAt());

        assertTrue(e.change(new EngagementDetails(null, null, null, null, false, null, null, null, null), later).eligibilityToDecideAgain());
        Engagement.Changes status = e.change(new EngagementDetails(null, null, null, 20_001, false, null, null, EngagementStatus.ON_HOLD, null), later);
        assertEquals(List.of("status"), status.fields(), "unchanged values are not changes");
        assertFalse(status.eligibilityToDecideAgain());
        assertFalse(e.change(new EngagementDetails(null, null, null, null, null, null, null, null, null), later).any());
    }

    @Test
    void theNextStepDependsOnTheCurrentDecision() {
        Engagement e = Engagement.open(UUID.randomUUID(), "partner-1", details(25_000, true, false), List.of(row(OD)), NOW);
        e.decideEligibility(PLAYBOOK, NOW);
        assertEquals(NextStep.INTRODUCE_ADOPTION_SME, NextStep.after(e.currentEligibility()));
        e.decideEligibility(new EligibilityPolicy(30_000, EligibilityPolicy.Comparison.GREATER_THAN, "x"), NOW);
        assertEquals(NextStep.SCHEDULE_REGULAR_CHECK_INS, NextStep.after(e.currentEligibility()));
        assertEquals(NextStep.SCHEDULE_REGULAR_CHECK_INS, NextStep.after(null));
    }
}
