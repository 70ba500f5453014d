package com.successworkshop.catalog.application;

import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.application.ResourceViews.LinkCheck;
import com.successworkshop.catalog.application.ResourceViews.Replacement;
import com.successworkshop.catalog.application.ResourceViews.ResourceView;
import com.successworkshop.catalog.application.ResourceViews.Retirement;

import java.util.List;

/** Entities never leave the service layer as they are. */
public final class ResourceMapper {

    private ResourceMapper() {
    }

    public static ResourceView view(ResourceLink r, ResourceLink replacement) {
        Retirement retirement = r.active() ? null : new Retirement(r.retiredReason, r.retiredAt,
                replacement == null ? null : new Replacement(replacement.id, replacement.title, replacement.address, replacement.status));
        LinkCheck check = r.lastCheckAt == null ? null : new LinkCheck(r.lastCheckAt, r.lastCheckStatus, r.lastCheckError);
        return new ResourceView(r.id, r.version, r.title, r.titleJa, r.address, r.description, r.section, r.section.title(),
                List.copyOf(r.services), r.services.isEmpty(), List.copyOf(r.audience), r.kind, r.language, List.copyOf(r.tags),
                r.eligibleOnly, r.status, retirement, check, r.createdAt, r.updatedAt);
    }
}
