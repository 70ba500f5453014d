package com.successworkshop.catalog.domain;

/** Who a resource is meant for (playbook: the FM shares resources with the customer; partners deliver FastTrack). */
public enum Audience {
    FASTTRACK_MANAGER, CUSTOMER, PARTNER
}
