package com.successworkshop.catalog.application;

import com.successworkshop.catalog.application.ResourceViews.ResourceInput;
import com.successworkshop.catalog.application.ResourceViews.ResourceView;
import com.successworkshop.catalog.application.ResourceViews.RetireResource;
import com.successworkshop.catalog.domain.ResourceCriteria;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The playbook's Resource links as a catalog admin keeps them: publish, update, retire (the rules are ResourceLink's). */
@ApplicationScoped
@Transactional
public class ResourceCatalog {

    @Inject
    ResourceLinkRepository resources;
    @Inject
    UnitOfWork work;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResourceView> find(UUID id) {
        return resources.findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ResourceView> list(ResourceCriteria criteria, String orderBy, int page, int size) {
        ResourceLinkRepository.Page p = resources.search(criteria, orderBy, page, size);
        return new PageView<>(p.items().stream().map(this::view).toList(), page, size, p.total());
    }

    public ResourceView publish(ResourceInput in) {
        return view(work.add(ResourceLink.publish(ResourceMapper.details(in), Instant.now())));
    }

    public ResourceView update(UUID id, String ifMatch, ResourceInput in) {
        ResourceLink r = load(id, ifMatch);
        r.update(ResourceMapper.details(in), Instant.now());
        return view(work.complete(r));
    }

    public ResourceView retire(UUID id, String ifMatch, RetireResource req) {
        ResourceLink r = load(id, ifMatch);
        r.retire(req.reason(), req.replacementId(), resources::findByIdOptional, Instant.now());
        return view(work.complete(r));
    }

    private ResourceLink load(UUID id, String ifMatch) {
        ResourceLink r = resources.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Resource " + id));
        ExpectedVersion.check(ifMatch, r.etag());
        return r;
    }

    private ResourceView view(ResourceLink r) {
        ResourceLink replacement = r.replacementId == null ? null : resources.findById(r.replacementId);
        return ResourceMapper.view(r, replacement);
    }
}
