package com.successworkshop.engagement.domain;

import java.time.LocalDate;

/** An intended service's row in the FTOP Services tab: its workload, L1/L2 status and follow-up columns. */
public record ServicesTabRow(Workload workload, ServiceStatus l1Status, String l2Status, LocalDate targetDate, String owner,
                             String notes, String nextAction, LocalDate nextActionDate) {
}
