package com.successworkshop.task.application;

import com.successworkshop.task.domain.CheckInCadence;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The task rules that are choices rather than playbook facts. */
@ConfigMapping(prefix = "workshop.tasks")
public interface TaskConfig {

    /** The process whose published templates become an engagement's tasks: this playbook. */
    @WithDefault("assess-conduct-customer-success-workshop-partner")
    String playbookProcess();

    @WithDefault("BIWEEKLY")
    CheckInCadence defaultCheckInCadence();

    @WithDefault("3")
    int defaultCheckInCount();

    @WithDefault("14")
    int nextStepDueDays();

    @WithDefault("14")
    int importDefaultDueOffsetDays();
}
