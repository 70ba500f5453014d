package com.successworkshop.engagement.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A partner's FastTrack engagement with one customer, in which the success workshop runs. */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public UUID id;

    @Version
    public long version;

    public String partnerId;
    public String customerName;
    public String customerTenantId;
    @Column(name = "fasttrack_manager")
    public String fastTrackManager;
    public int licenceCount;
    public boolean enterprise;
    public boolean enrolledInAdoptionBenefit;
    @Enumerated(EnumType.STRING)
    public EngagementPhase phase;
    @Enumerated(EnumType.STRING)
    public EngagementStatus status;

    public LocalDate dibsDueDate;
    public String dibsIntent;
    @Enumerated(EnumType.STRING)
    public BusinessReason dibsBusinessReason;
    public String dibsSuccessOwner;

    public Instant kickoffCompletedAt;

    @Enumerated(EnumType.STRING)
    public WorkshopState workshopState;
    public Instant workshopStartsAt;
    public Integer workshopDurationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> workshopAttendees;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> workshopAgenda;
    @JdbcTypeCode(SqlTypes.JSON)
    public WorkshopOutcomes workshopOutcomes;
    public Instant workshopCompletedAt;
    public String workshopCancelReason;

    @Enumerated(EnumType.STRING)
    public CheckInCadence checkInCadence;
    public LocalDate checkInNextDate;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> checkInAttendees;

    public Instant createdAt;
    public Instant updatedAt;

    @OneToMany(mappedBy = "engagement", cascade = CascadeType.ALL)
    @OrderBy("workload")
    @BatchSize(size = 200) // a list page loads its engagements' services in one query, not one per engagement
    public List<IntendedService> intendedServices = new ArrayList<>();

    public List<IntendedService> activeServices() {
        return intendedServices.stream().filter(s -> s.removedAt == null).toList();
    }

    public List<Workload> activeWorkloads() {
        return activeServices().stream().map(s -> s.workload).toList();
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
