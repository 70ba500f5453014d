package com.successworkshop.engagement.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A service the customer intends to deploy, with its FTOP Services-tab fields. */
@Entity
@Table(name = "intended_service")
public class IntendedService {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "engagement_id")
    public Engagement engagement;

    @Enumerated(EnumType.STRING)
    public Workload workload;
    @Enumerated(EnumType.STRING)
    public ServiceStatus l1Status;
    public String l2Status;
    public LocalDate targetDate;
    public String owner;
    public String notes;
    public String nextAction;
    public LocalDate nextActionDate;
    public Instant addedAt;
    public Instant removedAt;
}
