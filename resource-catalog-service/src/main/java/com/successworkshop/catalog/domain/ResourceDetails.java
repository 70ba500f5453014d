package com.successworkshop.catalog.domain;

import java.util.List;

/** What a catalog admin writes about a resource link; the link keeps it normalised (trimmed, each value once). */
public record ResourceDetails(String title, String titleJa, String address, String description, PlaybookSection section,
                              List<Workload> services, List<Audience> audience, ResourceKind kind, String language,
                              List<String> tags, Boolean eligibleOnly) {
}
