package com.successworkshop.task.domain;

/** Which task templates a list shows (latest versions unless allVersions); null criteria match everything. */
public record TemplateCriteria(Workload service, String section, Boolean mandatory, String role, TemplateStatus status,
                               String process, Integer ftopTaskId, boolean allVersions) {
}
