package com.successworkshop.catalog.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One link the playbook (or a catalog admin) points FastTrack Managers, customers and partners to (playbook: Resource links).
 * Its life: published ACTIVE, updated while ACTIVE, retired once with a reason and an optional ACTIVE replacement; never deleted.
 */
@Entity
@Table(name = "resource_link")
public class ResourceLink extends VersionedAggregate {

    @Id
    public UUID id;

    public String title;
    public String titleJa;
    public String address;
    public String description;
    @Enumerated(EnumType.STRING)
    public PlaybookSection section;
    /** Workload codes; empty = every service. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> services = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> audience = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ResourceKind kind;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    /** Only for customers eligible for an enterprise add-on adoption benefit (Goals 6, Next steps). */
    public boolean eligibleOnly;

    @Enumerated(EnumType.STRING)
    public ResourceStatus status;
    public String retiredReason;
    public Instant retiredAt;
    public UUID replacementId;

    public Instant lastCheckAt;
    public Integer lastCheckStatus;
    public String lastCheckError;

    public Instant createdAt;
    public Instant updatedAt;

    /** A new link in the catalog, ACTIVE at once; raises ResourcePublished. */
    public static ResourceLink publish(ResourceDetails details, Instant now) {
        ResourceLink r = new ResourceLink();
        r.id = UUID.randomUUID();
        r.status = ResourceStatus.ACTIVE;
        r.createdAt = now;
        r.describe(details, now);
        r.raise("ResourcePublished", r.id, CatalogEvents.ResourceData.of(r, r.version));
        return r;
    }

    /** Replaces the link's fields; raises ResourceUpdated. A retired link is final: a new resource takes its place instead. */
    public void update(ResourceDetails details, Instant now) {
        if (!active()) {
            throw DomainException.ruleViolated("retired-is-final", "Resource " + id + " is retired; create a new resource instead");
        }
        String before = address;
        describe(details, now);
        if (!address.equals(before)) {
            // The last check was about the old address.
            lastCheckAt = null;
            lastCheckStatus = null;
            lastCheckError = null;
        }
        raise("ResourceUpdated", id, CatalogEvents.ResourceData.of(this, versionAfterChange()));
    }

    /**
     * Retires the link with a reason; it stays readable and points at its replacement, which must be another ACTIVE link
     * ({@code links} finds it). Raises ResourceRetired.
     */
    public void retire(String reason, UUID replacementId, Function<UUID, Optional<ResourceLink>> links, Instant now) {
        if (!active()) {
            throw DomainException.ruleViolated("already-retired", "Resource " + id + " is already retired");
        }
        if (replacementId != null) {
            if (replacementId.equals(id)) {
                throw DomainException.invalid("replacementId", "a resource cannot replace itself");
            }
            ResourceLink replacement = links.apply(replacementId)
                    .orElseThrow(() -> DomainException.invalid("replacementId", "no resource " + replacementId));
            if (!replacement.active()) {
                throw DomainException.invalid("replacementId", "the replacement must be ACTIVE");
            }
        }
        status = ResourceStatus.RETIRED;
        retiredReason = reason.trim();
        retiredAt = now;
        this.replacementId = replacementId;
        updatedAt = now;
        raise("ResourceRetired", id, new CatalogEvents.ResourceRetired(id, CatalogEvents.ALL_PARTNERS, versionAfterChange(),
                retiredReason, replacementId, now));
    }

    public boolean active() {
        return status == ResourceStatus.ACTIVE;
    }

    /** The version the change has once the unit of work flushes it: @Version goes up by one for a use case's one change. */
    private long versionAfterChange() {
        return version + 1;
    }

    /** The address is checked before anything changes. */
    private void describe(ResourceDetails in, Instant now) {
        String checked = AddressPolicy.validate(in.address(), "address");
        address = checked;
        title = in.title().trim();
        titleJa = in.titleJa() == null || in.titleJa().isBlank() ? null : in.titleJa().trim();
        description = in.description();
        section = in.section();
        services = in.services() == null ? new ArrayList<>() : once(in.services().stream().map(Enum::name).toList());
        audience = once(in.audience().stream().map(Enum::name).toList());
        kind = in.kind();
        language = in.language();
        tags = in.tags() == null ? new ArrayList<>() : once(in.tags().stream().map(String::trim).toList());
        eligibleOnly = Boolean.TRUE.equals(in.eligibleOnly());
        updatedAt = now;
    }

    private static List<String> once(Collection<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
