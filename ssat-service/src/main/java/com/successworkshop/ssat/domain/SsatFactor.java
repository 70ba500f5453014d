package com.successworkshop.ssat.domain;

/** The four success factors of the playbook's Goals 3: Stakeholders, Scenarios, Awareness, Training. */
public enum SsatFactor {
    STAKEHOLDERS, SCENARIOS, AWARENESS, TRAINING
}
