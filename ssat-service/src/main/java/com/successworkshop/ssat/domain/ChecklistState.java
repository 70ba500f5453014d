package com.successworkshop.ssat.domain;

/** A checklist item is open, checked (who, when) or not applicable to this customer (with a reason). */
public enum ChecklistState {
    OPEN, CHECKED, NOT_APPLICABLE
}
