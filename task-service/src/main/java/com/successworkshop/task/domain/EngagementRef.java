package com.successworkshop.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What task-service keeps of an engagement from its events: the partner that owns it and its intended services. */
@Entity
@Table(name = "engagement_ref")
public class EngagementRef {

    @Id
    public UUID engagementId;
    public String partnerId;
    public String customerName;
    public String intendedServices;
    @Enumerated(EnumType.STRING)
    public CheckInCadence checkInCadence;
    public Instant createdAt;
    public Instant updatedAt;

    public Set<Workload> services() {
        return Arrays.stream(intendedServices.split(",")).filter(s -> !s.isBlank()).map(Workload::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void services(Collection<Workload> codes) {
        intendedServices = codes.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
