package com.successworkshop.catalog.domain;

/** Sections of the playbook's Approach (plus its Goals 6 appendix and Next steps), in playbook order. */
public enum PlaybookSection {
    SCHEDULE_SUCCESS_WORKSHOP("Schedule the success workshop", Stage.BEFORE_WORKSHOP),
    SERVICE_ADOPTION_PROGRAM("Service adoption program", Stage.ANY),
    CAPTURE_SSAT("Capture SSAT (success workshop)", Stage.ANY),
    AWARENESS_AND_TRAINING("Awareness and training resources", Stage.ANY),
    MEASURING_SUCCESS("Measuring success", Stage.ANY),
    VALUE_ADD_DISCUSSIONS("Value-add discussions", Stage.ANY),
    ENTERPRISE_BENEFITS("Enterprise add-on benefits", Stage.ANY),
    NEXT_STEPS("Next steps", Stage.AFTER_WORKSHOP);

    /** When in the engagement a section's resources belong in the pack. */
    public enum Stage {
        BEFORE_WORKSHOP, ANY, AFTER_WORKSHOP
    }

    private final String title;
    private final Stage stage;

    PlaybookSection(String title, Stage stage) {
        this.title = title;
        this.stage = stage;
    }

    public String title() {
        return title;
    }

    public Stage stage() {
        return stage;
    }
}
