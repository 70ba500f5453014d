package com.successworkshop.task.domain;

import java.util.UUID;

/** Which tasks a list shows: always one partner's, optionally one engagement's; null criteria match everything. */
public record TaskCriteria(UUID engagementId, TaskStatus status, Boolean mandatory, String section,
                           Boolean overdue, String assignee, boolean includeRetired) {
}
