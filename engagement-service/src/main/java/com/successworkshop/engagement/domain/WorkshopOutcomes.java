package com.successworkshop.engagement.domain;

/** What the success workshop settled (playbook: Outcomes). */
public record WorkshopOutcomes(boolean successDefined, String successPlanOwner, String communicationChannel,
                               CheckInCadence checkInCadence, String levelOfEffort, String notes) {
}
