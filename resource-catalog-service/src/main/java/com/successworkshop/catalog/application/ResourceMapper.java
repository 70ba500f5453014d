package com.successworkshop.catalog.application;

import com.successworkshop.catalog.application.ResourceViews.LinkCheck;
import com.successworkshop.catalog.application.ResourceViews.PackItem;
import com.successworkshop.catalog.application.ResourceViews.PackSection;
import com.successworkshop.catalog.application.ResourceViews.Replacement;
import com.successworkshop.catalog.application.ResourceViews.ResourceInput;
import com.successworkshop.catalog.application.ResourceViews.ResourcePackView;
import com.successworkshop.catalog.application.ResourceViews.ResourceView;
import com.successworkshop.catalog.application.ResourceViews.Retirement;
import com.successworkshop.catalog.domain.EngagementRead;
import com.successworkshop.catalog.domain.PlaybookSection;
import com.successworkshop.catalog.domain.ResourceDetails;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.domain.ResourcePack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entities never leave the application layer as they are. */
public final class ResourceMapper {

    private ResourceMapper() {
    }

    public static ResourceDetails details(ResourceInput in) {
        return new ResourceDetails(in.title(), in.titleJa(), in.address(), in.description(), in.section(), in.services(), in.audience(),
                in.kind(), in.language(), in.tags(), in.eligibleOnly());
    }

    public static ResourceView view(ResourceLink r, ResourceLink replacement) {
        Retirement retirement = r.active() ? null : new Retirement(r.retiredReason, r.retiredAt,
                replacement == null ? null : new Replacement(replacement.id, replacement.title, replacement.address, replacement.status));
        LinkCheck check = r.lastCheckAt == null ? null : new LinkCheck(r.lastCheckAt, r.lastCheckStatus, r.lastCheckError);
        return new ResourceView(r.id, r.version(), r.title, r.titleJa, r.address, r.description, r.section, r.section.title(),
                List.copyOf(r.services), r.services.isEmpty(), List.copyOf(r.audience), r.kind, r.language, List.copyOf(r.tags),
                r.eligibleOnly, r.status, retirement, check, r.createdAt, r.updatedAt);
    }

    /** The pack of {@code e}: its links with why each is there, grouped by playbook section in playbook order, then by title. */
    public static ResourcePackView pack(EngagementRead e, ResourcePack pack) {
        Map<PlaybookSection, List<PackItem>> bySection = new LinkedHashMap<>();
        pack.items().stream().sorted(Comparator.comparing((ResourcePack.Item i) -> i.resource().section).thenComparing(i -> i.resource().title))
                .forEach(i -> {
                    ResourceLink r = i.resource();
                    bySection.computeIfAbsent(r.section, s -> new ArrayList<>()).add(new PackItem(r.id, r.title, r.titleJa,
                            r.address, r.kind, List.copyOf(r.audience), r.language, i.why()));
                });
        List<PackSection> sections = bySection.entrySet().stream()
                .map(x -> new PackSection(x.getKey(), x.getKey().title(), x.getValue())).toList();
        return new ResourcePackView(e.engagementId, e.partnerId, List.copyOf(e.intendedServices), e.eligible,
                e.workshopCompleted(), e.packVersion, e.updatedAt, pack.items().size(), sections);
    }
}
