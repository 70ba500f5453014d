package com.successworkshop.ssat.domain;

/** Who owns a success-plan action: someone at the customer or at the partner. */
public enum OwnerRole {
    CUSTOMER, PARTNER
}
