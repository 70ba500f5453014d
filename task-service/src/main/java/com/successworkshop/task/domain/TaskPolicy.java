package com.successworkshop.task.domain;

/**
 * The task rules that are choices rather than playbook facts: the process whose published templates become an
 * engagement's tasks (this playbook), and the Next steps defaults.
 */
public record TaskPolicy(String playbookProcess, CheckInCadence defaultCheckInCadence, int defaultCheckInCount, int nextStepDueDays) {
}
