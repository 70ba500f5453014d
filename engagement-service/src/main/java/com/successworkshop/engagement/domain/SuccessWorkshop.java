package com.successworkshop.engagement.domain;

import java.time.Instant;
import java.util.List;

/** The success workshop of an engagement as it stands; {@link Engagement} changes it by the playbook's rules. */
public record SuccessWorkshop(WorkshopState state, Instant startsAt, Integer durationMinutes, List<Attendee> attendees,
                              List<String> agenda, WorkshopOutcomes outcomes, Instant completedAt, String cancelReason) {
}
