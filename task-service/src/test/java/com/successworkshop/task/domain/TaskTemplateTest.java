package com.successworkshop.task.domain;

import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template life cycle: DRAFT edited in place, a published version never changed, publish and retire. */
class TaskTemplateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static TaskTemplate.Definition teams(String name) {
        return new TaskTemplate.Definition(9100, name, false, " FastTrack Manager ", false, List.of(Workload.TEAMS), " test-p ",
                "Assess", "Value-Add Discussions", 10);
    }

    private static String refusal(Runnable change) {
        return assertThrows(DomainException.RuleViolated.class, change::run).rule();
    }

    @Test
    void aNewTemplateIsDraftVersionOneAndADraftIsEditedInPlace() {
        TaskTemplate t = TaskTemplate.draft(teams(" Deliver Teams pitch "), NOW);
        assertEquals(TemplateStatus.DRAFT, t.status);
        assertEquals(1, t.templateVersion);
        assertEquals("test-p#9100", t.templateKey);
        assertEquals("test-p", t.process);
        assertEquals("Deliver Teams pitch", t.name);
        assertEquals("FastTrack Manager", t.fasttrackRole);
        assertEquals(",TEAMS,", t.services);
        assertEquals("TEAMS", t.serviceNames);
        assertTrue(t.latest);

        assertSame(t, t.edit(teams("Deliver Teams and Yammer pitch"), NOW));
        assertEquals("Deliver Teams and Yammer pitch", t.name);
        assertEquals(1, t.templateVersion);
        assertTrue(t.takeEvents().isEmpty(), "the catalog publishes no events");
    }

    @Test
    void editingAPublishedVersionMakesTheNextDraftVersionAndLeavesItAsItIs() {
        TaskTemplate v1 = TaskTemplate.draft(teams("Deliver Teams pitch"), NOW);
        v1.publish(NOW);
        TaskTemplate v2 = v1.edit(teams("Deliver Teams and Yammer pitch"), NOW.plusSeconds(1));
        assertNotEquals(v1.id, v2.id);
        assertEquals(2, v2.templateVersion);
        assertEquals(v1.templateKey, v2.templateKey);
        assertEquals(TemplateStatus.DRAFT, v2.status);
        assertTrue(v2.latest);
        assertFalse(v1.latest);
        assertEquals("Deliver Teams pitch", v1.name);
        assertEquals(TemplateStatus.PUBLISHED, v1.status);

        assertEquals("task-template.not-latest", refusal(() -> v1.edit(teams("again"), NOW)));
    }

    @Test
    void theTaskIdAndProcessNeverChangeAndATemplateNamesItsServices() {
        TaskTemplate t = TaskTemplate.draft(teams("Deliver Teams pitch"), NOW);
        var moved = new TaskTemplate.Definition(9101, "x", false, "FM", false, List.of(Workload.TEAMS), "test-p", null, null, 1);
        assertEquals("ftopTaskId", assertThrows(DomainException.InvalidInput.class, () -> t.edit(moved, NOW)).fields().get(0).field());
        var none = new TaskTemplate.Definition(9100, "x", false, "FM", false, List.of(), "test-p", null, null, 1);
        assertEquals("services", assertThrows(DomainException.InvalidInput.class, () -> t.edit(none, NOW)).fields().get(0).field());
        assertEquals("services", assertThrows(DomainException.InvalidInput.class, () -> TaskTemplate.draft(none, NOW)).fields().get(0).field());

        var all = new TaskTemplate.Definition(9100, "x", true, "FM", true, List.of(Workload.OD), "test-p", " ", " ", 1);
        t.edit(all, NOW);
        assertEquals(",", t.services);
        assertEquals(Workload.ALL_SERVICES, t.serviceNames);
        assertEquals(TaskTemplate.UNCATEGORISED_SECTION, t.section, "playbook: Uncategorised tasks");
        assertNull(t.phase);
    }

    @Test
    void onlyADraftIsPublishedAndTheVersionPublishedBeforeIsRetired() {
        TaskTemplate v1 = TaskTemplate.draft(teams("Deliver Teams pitch"), NOW);
        v1.publish(NOW);
        assertEquals(TemplateStatus.PUBLISHED, v1.status);
        assertEquals(NOW, v1.publishedAt);
        assertEquals("task-template.not-draft", refusal(() -> v1.publish(NOW)));
        assertEquals("task-template.not-draft", refusal(v1::requireDraft));

        TaskTemplate v2 = v1.edit(teams("Deliver Teams and Yammer pitch"), NOW);
        v2.requireDraft();
        v1.supersede(NOW.plusSeconds(1));
        v2.publish(NOW.plusSeconds(1));
        assertEquals(TemplateStatus.RETIRED, v1.status);
        assertEquals(NOW.plusSeconds(1), v1.retiredAt);
        assertEquals(TemplateStatus.PUBLISHED, v2.status);
    }

    @Test
    void aVersionIsRetiredOnce() {
        TaskTemplate t = TaskTemplate.draft(teams("Deliver Teams pitch"), NOW);
        t.retire(NOW);
        assertEquals(TemplateStatus.RETIRED, t.status);
        assertEquals("task-template.retired", refusal(() -> t.retire(NOW)));
        assertEquals("task-template.not-draft", refusal(() -> t.publish(NOW)));
        t.supersede(NOW.plusSeconds(9));
        assertEquals(NOW, t.retiredAt, "superseding a retired version keeps its date");
    }

    @Test
    void anImportedRowIsPublishedAsItIsAndAChangedRowReplacesTheLatestVersion() {
        var row = new TaskTemplate.Definition(9002, "Unplaced task", true, "SME", false, Set.of(), "test-p", null, "Uncategorised", 14);
        TaskTemplate v1 = TaskTemplate.imported(row, "Skype for Business", 1, NOW);
        assertEquals(TemplateStatus.PUBLISHED, v1.status);
        assertEquals("Skype for Business", v1.serviceNames);
        assertEquals(",", v1.services, "an export row may name no known workload");
        assertTrue(v1.sameDefinitionAs(TaskTemplate.imported(row, "Skype for Business", 2, NOW)));

        var changed = new TaskTemplate.Definition(9002, "Unplaced task, renamed", true, "SME", false, Set.of(), "test-p", null, "Uncategorised", 14);
        TaskTemplate v2 = TaskTemplate.imported(changed, "Skype for Business", 2, NOW);
        assertFalse(v1.sameDefinitionAs(v2));
        v1.replaceByImport(NOW);
        assertFalse(v1.latest);
        assertEquals(TemplateStatus.RETIRED, v1.status);
    }

    @Test
    void aTemplateAppliesToAllServicesOrToOneOfItsOwn() {
        var m365 = new TaskTemplate.Definition(3734, "DAA BVD", true, "FM", false, Set.of(Workload.M365_APPS, Workload.WIN10), "p", "Assess", "V", 28);
        TaskTemplate t = TaskTemplate.imported(m365, "Microsoft 365 Apps / Windows 10", 1, NOW);
        assertEquals(Set.of(Workload.M365_APPS, Workload.WIN10), t.workloads());
        assertTrue(t.appliesTo(Set.of(Workload.OD, Workload.WIN10)));
        assertFalse(t.appliesTo(Set.of(Workload.OD)));
        var all = new TaskTemplate.Definition(2536, "Conduct Success Workshop", true, "FM", true, Set.of(), "p", "Assess", "C", 21);
        assertTrue(TaskTemplate.imported(all, Workload.ALL_SERVICES, 1, NOW).appliesTo(Set.of()));
    }
}
