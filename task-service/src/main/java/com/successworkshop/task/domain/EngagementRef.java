package com.successworkshop.task.domain;

import com.successworkshop.kit.persistence.PartnerScope;
import org.hibernate.annotations.Filter;
import com.successworkshop.kit.domain.AggregateRoot;
import com.successworkshop.kit.domain.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What task-service keeps of an engagement from its events: the partner that owns it and its intended services. It
 * reports the progress of the engagement's tasks (TaskProgressChanged).
 */
@Entity
@Filter(name = PartnerScope.FILTER)
@Table(name = "engagement_ref")
public class EngagementRef extends AggregateRoot {

    public static final String OTHER_PARTNER = "engagement.other-partner";

    @Id
    public UUID engagementId;
    public String partnerId;
    public String customerName;
    /** The engagement's FastTrack Manager: FM-role tasks are theirs (the FM's inbox). */
    public String fastTrackManager;
    public String intendedServices;
    @Enumerated(EnumType.STRING)
    public CheckInCadence checkInCadence;
    public Instant createdAt;
    public Instant updatedAt;
    /** The figures of the last TaskProgressChanged; null until the first. */
    Integer reportedMandatoryDone;
    Integer reportedMandatoryTotal;
    Integer reportedOverdue;

    /** An engagement this service starts to track, from its first event. */
    public static EngagementRef track(UUID engagementId, String partnerId, Instant now) {
        EngagementRef ref = new EngagementRef();
        ref.engagementId = engagementId;
        ref.partnerId = partnerId;
        ref.intendedServices = "";
        ref.createdAt = now;
        ref.updatedAt = now;
        return ref;
    }

    public boolean ownedBy(String partner) {
        return partnerId.equals(partner);
    }

    /** An event about this engagement names the partner that owns it; any other partner is an event that can never apply. */
    public void requireOwner(String partner) {
        if (!ownedBy(partner)) {
            throw DomainException.ruleViolated(OTHER_PARTNER, "event names partner " + partner + " for an engagement of another partner");
        }
    }

    public Set<Workload> services() {
        return Arrays.stream(intendedServices.split(",")).filter(s -> !s.isBlank()).map(Workload::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    void created(String customer, String manager, Collection<Workload> codes, Instant now) {
        customerName = customer;
        if (manager != null && !manager.isBlank()) {
            fastTrackManager = manager.trim();
        }
        intend(codes, now);
    }

    void intend(Collection<Workload> codes, Instant now) {
        intendedServices = codes.stream().map(Enum::name).collect(Collectors.joining(","));
        updatedAt = now;
    }

    void agreeCadence(CheckInCadence cadence) {
        if (cadence != null) {
            checkInCadence = cadence;
        }
    }

    /**
     * Mandatory done / total (a mandatory task set NOT_APPLICABLE by ops leaves the total) and the overdue count, raised
     * as TaskProgressChanged only when they differ from the last report (next-step check-ins are not mandatory: making
     * them changes no figure, and every consumer would apply the same figures again).
     */
    public TaskEvents.TaskProgressChanged reportProgress(Collection<TaskInstance> tasks, LocalDate today) {
        var active = tasks.stream().filter(t -> t.engagementId.equals(engagementId) && !t.isRetired()).toList();
        int total = (int) active.stream().filter(t -> t.mandatory && t.status != TaskStatus.NOT_APPLICABLE).count();
        int done = (int) active.stream().filter(t -> t.mandatory && t.status == TaskStatus.COMPLETED).count();
        int overdue = (int) active.stream().filter(t -> t.overdue(today)).count();
        TaskEvents.TaskProgressChanged progress = new TaskEvents.TaskProgressChanged(engagementId, partnerId, done, total, overdue);
        if (Integer.valueOf(done).equals(reportedMandatoryDone) && Integer.valueOf(total).equals(reportedMandatoryTotal)
                && Integer.valueOf(overdue).equals(reportedOverdue)) {
            return progress;
        }
        reportedMandatoryDone = done;
        reportedMandatoryTotal = total;
        reportedOverdue = overdue;
        raise("TaskProgressChanged", engagementId, progress);
        return progress;
    }
}
