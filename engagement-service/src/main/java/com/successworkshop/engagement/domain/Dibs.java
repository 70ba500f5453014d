package com.successworkshop.engagement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** DIBS, the four prerequisites confirmed at kickoff: Due date, Intent, Business reason, Success owner. */
public record Dibs(LocalDate dueDate, String intent, BusinessReason businessReason, String successOwner) {

    /** Prerequisites: a DIBS item not confirmed at kickoff is a risk. */
    public List<String> risks() {
        List<String> risks = new ArrayList<>();
        if (dueDate == null) {
            risks.add("DUE_DATE_MISSING");
        }
        if (intent == null || intent.isBlank()) {
            risks.add("INTENT_MISSING");
        }
        if (businessReason == null) {
            risks.add("BUSINESS_REASON_MISSING");
        }
        if (successOwner == null || successOwner.isBlank()) {
            risks.add("SUCCESS_OWNER_MISSING");
        }
        return risks;
    }
}
