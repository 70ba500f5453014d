package com.successworkshop.catalog.domain;

public enum ResourceKind {
    DECK, GUIDE, CHECKLIST, TEMPLATE, PORTAL, DEMO, KIT, FORM
}
