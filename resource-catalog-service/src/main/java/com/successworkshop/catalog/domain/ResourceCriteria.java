package com.successworkshop.catalog.domain;

/** What a resource list is narrowed to; a null criterion does not narrow. A resource for every service fits any service. */
public record ResourceCriteria(PlaybookSection section, Workload service, Audience audience, ResourceKind kind, String language,
                               ResourceStatus status, String tag, String text) {
}
