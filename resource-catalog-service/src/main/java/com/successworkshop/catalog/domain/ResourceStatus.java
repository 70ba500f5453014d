package com.successworkshop.catalog.domain;

/** A retired link is never deleted: it stays readable and points at its replacement. */
public enum ResourceStatus {
    ACTIVE, RETIRED
}
