package com.successworkshop.ssat.domain;

/** The success-plan checklist: what the playbook's Outcomes say the customer has when the plan is ready. */
public enum ChecklistItem {
    SUCCESS_DEFINED("Success is defined: what the customer wants to achieve and why"),
    STAKEHOLDERS_ENGAGED("Stakeholders are identified and engaged"),
    SCENARIOS_CHOSEN("Business scenarios are chosen"),
    AWARENESS_PLAN("An awareness and communication plan exists"),
    TRAINING_PLAN("A training plan exists"),
    METRICS_BASELINED("Success metrics are defined, with a baseline"),
    USAGE_REPORTS_IN_USE("The Microsoft 365 usage reports are in use"),
    PLAN_IN_PROJECT_PLAN("The success plan is integrated into the project plan"),
    ACTIVITIES_IN_PROJECT_PLAN("End-user awareness and training activities are in the project plan"),
    OWNERS_NAMED("Every action of the plan has a named owner");

    private final String label;

    ChecklistItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
