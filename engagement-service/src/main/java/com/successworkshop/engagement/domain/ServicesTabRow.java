package com.successworkshop.engagement.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** An intended service's row in the FTOP Services tab: its workload, L1/L2 status and follow-up columns. */
@Embeddable
public record ServicesTabRow(@Enumerated(EnumType.STRING) Workload workload, @Enumerated(EnumType.STRING) ServiceStatus l1Status,
                             String l2Status, LocalDate targetDate, String owner, String notes, String nextAction,
                             LocalDate nextActionDate) {
}
