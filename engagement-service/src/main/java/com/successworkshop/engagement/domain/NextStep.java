package com.successworkshop.engagement.domain;

/** Next steps: eligible enterprise customers meet an adoption SME; all others get regular check-ins. */
public enum NextStep {
    INTRODUCE_ADOPTION_SME, SCHEDULE_REGULAR_CHECK_INS;

    public static NextStep after(Eligibility current) {
        return current != null && current.eligible() ? INTRODUCE_ADOPTION_SME : SCHEDULE_REGULAR_CHECK_INS;
    }
}
