package com.successworkshop.catalog.application;

import com.successworkshop.catalog.domain.AddressPolicy;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.catalog.application.ResourceMapper;
import com.successworkshop.catalog.domain.CatalogEvents;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.catalog.domain.ResourceCriteria;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.catalog.application.ResourceViews.PageView;
import com.successworkshop.catalog.application.ResourceViews.ResourceInput;
import com.successworkshop.catalog.application.ResourceViews.ResourceView;
import com.successworkshop.catalog.application.ResourceViews.RetireResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The resource link catalog: every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
@Transactional
public class ResourceCatalog {

    @Inject
    ResourceLinkRepository resources;
    @Inject
    OutboxWriter outbox;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResourceView> find(UUID id) {
        return resources.findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ResourceView> list(ResourceCriteria filter, String orderBy, int page, int size) {
        ResourceLinkRepository.Page p = resources.search(filter, orderBy, page, size);
        return new PageView<>(p.items().stream().map(this::view).toList(), page, size, p.total());
    }

    public ResourceView create(ResourceInput in) {
        ResourceLink r = new ResourceLink();
        r.id = UUID.randomUUID();
        r.status = ResourceStatus.ACTIVE;
        r.createdAt = Instant.now();
        apply(r, in);
        resources.persist(r);
        em.flush();
        outbox.append("ResourcePublished", r.id.toString(), CatalogEvents.ResourceData.of(r));
        return view(r);
    }

    public ResourceView update(UUID id, String ifMatch, ResourceInput in) {
        ResourceLink r = load(id, ifMatch);
        if (!r.active()) {
            throw ProblemException.conflict("retired-is-final", "Resource " + id + " is retired; create a new resource instead");
        }
        String before = r.address;
        apply(r, in);
        if (!r.address.equals(before)) {
            // The last check was about the old address.
            r.lastCheckAt = null;
            r.lastCheckStatus = null;
            r.lastCheckError = null;
        }
        em.flush();
        outbox.append("ResourceUpdated", r.id.toString(), CatalogEvents.ResourceData.of(r));
        return view(r);
    }

    public ResourceView retire(UUID id, String ifMatch, RetireResource req) {
        ResourceLink r = load(id, ifMatch);
        if (!r.active()) {
            throw ProblemException.conflict("already-retired", "Resource " + id + " is already retired");
        }
        if (req.replacementId() != null) {
            if (req.replacementId().equals(id)) {
                throw ProblemException.invalid("replacementId", "a resource cannot replace itself");
            }
            ResourceLink replacement = resources.findByIdOptional(req.replacementId())
                    .orElseThrow(() -> ProblemException.invalid("replacementId", "no resource " + req.replacementId()));
            if (!replacement.active()) {
                throw ProblemException.invalid("replacementId", "the replacement must be ACTIVE");
            }
        }
        Instant now = Instant.now();
        r.status = ResourceStatus.RETIRED;
        r.retiredReason = req.reason().trim();
        r.retiredAt = now;
        r.replacementId = req.replacementId();
        r.updatedAt = now;
        em.flush();
        outbox.append("ResourceRetired", r.id.toString(),
                new CatalogEvents.ResourceRetired(r.id, CatalogEvents.ALL_PARTNERS, r.version, r.retiredReason, r.replacementId, now));
        return view(r);
    }

    ResourceLink load(UUID id, String ifMatch) {
        ResourceLink r = resources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Resource " + id));
        ExpectedVersion.check(ifMatch, r.etag());
        return r;
    }

    private void apply(ResourceLink r, ResourceInput in) {
        r.address = AddressPolicy.validate(in.address(), "address");
        r.title = in.title().trim();
        r.titleJa = in.titleJa() == null || in.titleJa().isBlank() ? null : in.titleJa().trim();
        r.description = in.description();
        r.section = in.section();
        r.services = in.services() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.services().stream().map(Enum::name).toList()));
        r.audience = new ArrayList<>(new LinkedHashSet<>(in.audience().stream().map(Enum::name).toList()));
        r.kind = in.kind();
        r.language = in.language();
        r.tags = in.tags() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(in.tags().stream().map(String::trim).toList()));
        r.eligibleOnly = Boolean.TRUE.equals(in.eligibleOnly());
        r.updatedAt = Instant.now();
    }

    private ResourceView view(ResourceLink r) {
        ResourceLink replacement = r.replacementId == null ? null : resources.findById(r.replacementId);
        return ResourceMapper.view(r, replacement);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ResourceLink> activeLinks() {
        return resources.active();
    }
}
