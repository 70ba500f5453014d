package com.successworkshop.catalog.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which links an engagement's resource pack holds, and why, from the engagement read model and the catalog alone. */
class ResourcePackSelectionTest {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static ResourceLink link(String title, PlaybookSection section, boolean eligibleOnly, Workload... services) {
        ResourceLink r = ResourceLink.publish(new ResourceDetails(title, null, "https://example.com/" + title.replace(' ', '-'), null,
                section, List.of(services), List.of(Audience.FASTTRACK_MANAGER), ResourceKind.GUIDE, "en", List.of(), eligibleOnly), T0);
        r.takeEvents();
        return r;
    }

    static EngagementRead engagement(String... services) {
        EngagementRead e = new EngagementRead();
        e.engagementId = UUID.randomUUID();
        e.partnerId = "partner-1";
        e.intendedServices = new ArrayList<>(List.of(services));
        return e;
    }

    static Optional<String> why(ResourcePack pack, ResourceLink r) {
        return pack.items().stream().filter(i -> i.resource().id.equals(r.id)).map(ResourcePack.Item::why).findFirst();
    }

    static void retire(ResourceLink r, String reason, ResourceLink replacement) {
        r.retire(reason, replacement == null ? null : replacement.id, id -> Optional.of(replacement), T0);
        r.takeEvents();
    }

    @Test
    void allServicesOrTheIntendedServicesTheLinkNames() {
        ResourceLink decks = link("Success workshop decks", PlaybookSection.SCHEDULE_SUCCESS_WORKSHOP, false);
        ResourceLink oneDriveKit = link("OneDrive kit", PlaybookSection.SERVICE_ADOPTION_PROGRAM, false, Workload.OD);
        ResourceLink teams = link("Teams guide", PlaybookSection.AWARENESS_AND_TRAINING, false, Workload.TEAMS);
        ResourceLink both = link("SharePoint and OneDrive", PlaybookSection.CAPTURE_SSAT, false, Workload.SPO, Workload.OD, Workload.EXO);
        EngagementRead e = engagement("OD", "SPO");

        ResourcePack pack = ResourcePack.of(e, List.of(decks, oneDriveKit, teams, both));

        assertEquals(e.engagementId, pack.engagementId());
        assertEquals(List.of(decks.id, oneDriveKit.id, both.id), pack.items().stream().map(i -> i.resource().id).toList());
        assertEquals(Optional.of("'Schedule the success workshop' applies to all services"), why(pack, decks));
        assertEquals(Optional.of("intended service OD (Service adoption program)"), why(pack, oneDriveKit));
        assertEquals(Optional.of("intended service SPO, OD (Capture SSAT (success workshop))"), why(pack, both));
        assertEquals(Optional.empty(), why(pack, teams));
    }

    @Test
    void theWorkshopPhaseDecidesScheduleAndNextSteps() {
        ResourceLink decks = link("Success workshop decks", PlaybookSection.SCHEDULE_SUCCESS_WORKSHOP, false);
        ResourceLink nextSteps = link("Support success execution", PlaybookSection.NEXT_STEPS, false);
        ResourceLink measuring = link("Measuring success guide", PlaybookSection.MEASURING_SUCCESS, false);
        EngagementRead e = engagement("TEAMS");

        ResourcePack before = ResourcePack.of(e, List.of(decks, nextSteps, measuring));
        assertTrue(why(before, decks).isPresent());
        assertFalse(why(before, nextSteps).isPresent());
        assertTrue(why(before, measuring).isPresent());

        e.workshopCompletedAt = T0;
        ResourcePack after = ResourcePack.of(e, List.of(decks, nextSteps, measuring));
        assertFalse(why(after, decks).isPresent());
        assertEquals(Optional.of("'Next steps' applies to all services; the success workshop is complete"), why(after, nextSteps));
        assertTrue(why(after, measuring).isPresent());
    }

    @Test
    void enterpriseBenefitMaterialOnlyForAnEligibleCustomer() {
        ResourceLink appendixB = link("Add-on benefits, appendix B", PlaybookSection.ENTERPRISE_BENEFITS, true);
        ResourceLink odOnly = link("OneDrive add-on", PlaybookSection.ENTERPRISE_BENEFITS, true, Workload.OD);
        EngagementRead e = engagement("TEAMS");

        assertFalse(why(ResourcePack.of(e, List.of(appendixB)), appendixB).isPresent(), "not yet determined");
        e.eligible = false;
        assertFalse(why(ResourcePack.of(e, List.of(appendixB)), appendixB).isPresent());

        e.eligible = true;
        assertEquals(Optional.of("'Enterprise add-on benefits' applies to all services; eligible for an enterprise add-on benefit"),
                why(ResourcePack.of(e, List.of(appendixB)), appendixB));
        e.eligibilityBenefit = "ENHANCED_ADOPTION_SERVICE";
        e.eligibilityRules = "playbook-2020-04-30/greater_than-20000";
        ResourcePack pack = ResourcePack.of(e, List.of(appendixB, odOnly));
        assertEquals(Optional.of("'Enterprise add-on benefits' applies to all services; eligible for ENHANCED_ADOPTION_SERVICE"
                + " (rules playbook-2020-04-30/greater_than-20000)"), why(pack, appendixB));
        assertFalse(why(pack, odOnly).isPresent(), "eligible, but not for an intended service");
    }

    @Test
    void aRetiredLinkThatWouldFitBringsInItsReplacement() {
        ResourceLink kit = link("Kit", PlaybookSection.SERVICE_ADOPTION_PROGRAM, false, Workload.OD);
        ResourceLink v2 = link("Kit v2", PlaybookSection.SERVICE_ADOPTION_PROGRAM, false, Workload.PROJ);
        retire(kit, "Moved to v2", v2);
        EngagementRead e = engagement("OD");

        ResourcePack pack = ResourcePack.of(e, List.of(kit, v2));

        assertEquals(List.of(v2.id), pack.items().stream().map(i -> i.resource().id).toList());
        assertEquals(Optional.of("Replaces 'Kit' (retired: Moved to v2); intended service OD (Service adoption program)"), why(pack, v2));
        assertTrue(ResourcePack.of(engagement("TEAMS"), List.of(kit, v2)).items().isEmpty(), "the retired one would not fit");
    }

    @Test
    void aReplacementThatFitsOnItsOwnKeepsItsOwnReasonAndARetiredReplacementBringsNothing() {
        ResourceLink kit = link("Kit", PlaybookSection.SERVICE_ADOPTION_PROGRAM, false, Workload.OD);
        ResourceLink v2 = link("Kit v2", PlaybookSection.SERVICE_ADOPTION_PROGRAM, false, Workload.OD);
        retire(kit, "Moved to v2", v2);
        assertEquals(Optional.of("intended service OD (Service adoption program)"),
                why(ResourcePack.of(engagement("OD"), List.of(kit, v2)), v2));

        retire(v2, "Withdrawn", null);
        assertTrue(ResourcePack.of(engagement("OD"), List.of(kit, v2)).items().isEmpty());
        assertTrue(ResourcePack.of(engagement("OD"), List.of(kit)).items().isEmpty(), "replacement not in the catalog given");
    }
}
