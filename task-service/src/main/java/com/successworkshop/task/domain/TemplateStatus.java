package com.successworkshop.task.domain;

/** A published version is immutable; editing it makes a new DRAFT version. */
public enum TemplateStatus {
    DRAFT, PUBLISHED, RETIRED
}
