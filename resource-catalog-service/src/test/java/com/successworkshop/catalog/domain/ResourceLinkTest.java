package com.successworkshop.catalog.domain;

import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource link's life without a database: published, updated, retired, and what each refuses. */
class ResourceLinkTest {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-05-02T10:00:00Z");

    static ResourceDetails details(String title, String address) {
        return new ResourceDetails(" " + title + " ", " ", " " + address + " ", "About " + title, PlaybookSection.CAPTURE_SSAT,
                List.of(Workload.OD, Workload.SPO, Workload.OD), List.of(Audience.CUSTOMER, Audience.CUSTOMER), ResourceKind.GUIDE,
                "en", List.of(" ssat ", "ssat", "plan"), null);
    }

    /** As loaded: published and stored at {@code version}. */
    static ResourceLink stored(String title, long version) {
        ResourceLink r = ResourceLink.publish(details(title, "https://example.com/" + title.replace(' ', '-')), T0);
        r.takeEvents();
        try {
            // What Hibernate does on load: the version is the kit's, not settable by a use case.
            Field v = VersionedAggregate.class.getDeclaredField("version");
            v.setAccessible(true);
            v.setLong(r, version);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return r;
    }

    static Map<UUID, ResourceLink> catalog(ResourceLink... links) {
        return Arrays.stream(links).collect(Collectors.toMap(r -> r.id, r -> r));
    }

    static String rule(Runnable change) {
        return assertThrows(DomainException.RuleViolated.class, change::run).rule();
    }

    static DomainException.InvalidInput.Field invalid(Runnable change) {
        List<DomainException.InvalidInput.Field> fields = assertThrows(DomainException.InvalidInput.class, change::run).fields();
        assertEquals(1, fields.size());
        return fields.get(0);
    }

    @Test
    void publishedActiveNormalisedAndAnnounced() {
        ResourceLink r = ResourceLink.publish(details("Success plan checklist", "https://aka.ms/success-plan-checklist"), T0);

        assertTrue(r.active());
        assertEquals("Success plan checklist", r.title);
        assertNull(r.titleJa);
        assertEquals("https://aka.ms/success-plan-checklist", r.address);
        assertEquals(List.of("OD", "SPO"), r.services);
        assertEquals(List.of("CUSTOMER"), r.audience);
        assertEquals(List.of("ssat", "plan"), r.tags);
        assertFalse(r.eligibleOnly);
        assertEquals(T0, r.createdAt);
        assertEquals(T0, r.updatedAt);

        List<DomainEvent> events = r.takeEvents();
        assertEquals(1, events.size());
        assertEquals("ResourcePublished", events.get(0).name());
        assertEquals(r.id.toString(), events.get(0).subject());
        CatalogEvents.ResourceData data = (CatalogEvents.ResourceData) events.get(0).data();
        assertEquals(new CatalogEvents.ResourceData(r.id, "*", 0, "Success plan checklist", null, "https://aka.ms/success-plan-checklist",
                "CAPTURE_SSAT", List.of("OD", "SPO"), List.of("CUSTOMER"), "GUIDE", "en", List.of("ssat", "plan"), false, "ACTIVE"), data);
        assertTrue(r.takeEvents().isEmpty(), "taken once");
    }

    @Test
    void anAddressMustBeAnAbsoluteHttpUrl() {
        for (String bad : List.of("javascript:alert(1)", "/relative", "ftp://example.com/x", "https://user:pw@example.com/")) {
            assertEquals("address", invalid(() -> ResourceLink.publish(details("Bad", bad), T0)).field());
        }
        ResourceLink r = stored("Kit", 3);
        assertEquals("address", invalid(() -> r.update(details("Kit", "data:text/html,hi"), T1)).field());
        assertEquals("https://example.com/Kit", r.address, "nothing changed");
        assertTrue(r.takeEvents().isEmpty());
    }

    @Test
    void updateRaisesResourceUpdatedWithTheNewVersionAndForgetsTheOldAddressCheck() {
        ResourceLink r = stored("Kit", 3);
        r.lastCheckAt = T0;
        r.lastCheckStatus = 404;
        r.lastCheckError = null;

        r.update(details("Kit", "https://example.com/Kit"), T1);
        assertEquals(T0, r.lastCheckAt, "same address: the last check still holds");
        r.takeEvents();

        r.update(details("Kit v2", "https://example.com/kit-v2"), T1);
        assertEquals("Kit v2", r.title);
        assertEquals(T1, r.updatedAt);
        assertNull(r.lastCheckAt);
        assertNull(r.lastCheckStatus);
        List<DomainEvent> events = r.takeEvents();
        assertEquals(List.of("ResourceUpdated"), events.stream().map(DomainEvent::name).toList());
        CatalogEvents.ResourceData data = (CatalogEvents.ResourceData) events.get(0).data();
        assertEquals(4, data.version(), "the version the change is stored with");
        assertEquals("https://example.com/kit-v2", data.address());
        assertEquals("ACTIVE", data.status());
    }

    @Test
    void retireWithReasonAndReplacement() {
        ResourceLink r = stored("Kit", 1);
        ResourceLink v2 = stored("Kit v2", 0);

        Map<UUID, ResourceLink> links = catalog(r, v2);

        r.retire("  Superseded by v2 ", v2.id, id -> Optional.ofNullable(links.get(id)), T1);

        assertFalse(r.active());
        assertEquals(ResourceStatus.RETIRED, r.status);
        assertEquals("Superseded by v2", r.retiredReason);
        assertEquals(T1, r.retiredAt);
        assertEquals(T1, r.updatedAt);
        assertEquals(v2.id, r.replacementId);
        List<DomainEvent> events = r.takeEvents();
        assertEquals(List.of("ResourceRetired"), events.stream().map(DomainEvent::name).toList());
        assertEquals(r.id.toString(), events.get(0).subject());
        assertEquals(new CatalogEvents.ResourceRetired(r.id, "*", 2, "Superseded by v2", v2.id, T1), events.get(0).data());
    }

    @Test
    void retireWithoutReplacement() {
        ResourceLink r = stored("Kit", 0);
        r.retire("Withdrawn", null, id -> {
            throw new AssertionError("no replacement to look up");
        }, T1);
        assertEquals(new CatalogEvents.ResourceRetired(r.id, "*", 1, "Withdrawn", null, T1), r.takeEvents().get(0).data());
    }

    @Test
    void aRetiredLinkIsFinal() {
        ResourceLink r = stored("Kit", 1);
        r.retire("Withdrawn", null, id -> Optional.empty(), T1);
        r.takeEvents();

        assertEquals("retired-is-final", rule(() -> r.update(details("Kit", "https://example.com/Kit"), T1)));
        // Already retired comes before anything about the replacement.
        assertEquals("already-retired", rule(() -> r.retire("again", UUID.randomUUID(), id -> Optional.empty(), T1)));
        assertEquals("Withdrawn", r.retiredReason);
        assertTrue(r.takeEvents().isEmpty());
    }

    @Test
    void theReplacementIsAnotherActiveLink() {
        ResourceLink r = stored("Kit", 1);
        ResourceLink retired = stored("Old kit", 2);
        retired.retire("Withdrawn", null, id -> Optional.empty(), T0);
        Map<UUID, ResourceLink> links = catalog(r, retired);

        var self = invalid(() -> r.retire("Superseded", r.id, id -> Optional.ofNullable(links.get(id)), T1));
        assertEquals("replacementId", self.field());
        assertEquals("a resource cannot replace itself", self.message());

        UUID unknown = UUID.randomUUID();
        var missing = invalid(() -> r.retire("Superseded", unknown, id -> Optional.ofNullable(links.get(id)), T1));
        assertEquals("replacementId", missing.field());
        assertEquals("no resource " + unknown, missing.message());

        var inactive = invalid(() -> r.retire("Superseded", retired.id, id -> Optional.ofNullable(links.get(id)), T1));
        assertEquals("replacementId", inactive.field());
        assertEquals("the replacement must be ACTIVE", inactive.message());

        assertTrue(r.active());
        assertNull(r.replacementId);
        assertTrue(r.takeEvents().isEmpty());
    }
}
