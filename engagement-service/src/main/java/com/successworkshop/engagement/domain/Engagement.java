package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.EngagementEvents.CheckInHeld;
import com.successworkshop.engagement.domain.EngagementEvents.CheckInScheduled;
import com.successworkshop.engagement.domain.EngagementEvents.EligibilityDetermined;
import com.successworkshop.engagement.domain.EngagementEvents.EngagementCreated;
import com.successworkshop.engagement.domain.EngagementEvents.FastTrackManagerChanged;
import com.successworkshop.engagement.domain.EngagementEvents.IntendedServicesChanged;
import com.successworkshop.engagement.domain.EngagementEvents.KickoffCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCancelled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopCompleted;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopRescheduled;
import com.successworkshop.engagement.domain.EngagementEvents.WorkshopScheduled;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import com.successworkshop.kit.persistence.PartnerScope;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's FastTrack engagement with one customer, in which the success workshop runs. Each playbook step is one
 * method here: it checks the rule, changes the state and raises the event the step means.
 */
@Entity
@Filter(name = PartnerScope.FILTER)
@Table(name = "engagement")
public class Engagement extends VersionedAggregate {

    public static final String CHECK_INS_NOT_AGREED = "check-in.not-agreed";

    @Id
    private UUID id;

    private String partnerId;
    private String customerName;
    private String customerTenantId;
    @Column(name = "fasttrack_manager")
    private String fastTrackManager;
    private int licenceCount;
    private boolean enterprise;
    private boolean enrolledInAdoptionBenefit;
    @Enumerated(EnumType.STRING)
    private EngagementPhase phase;
    @Enumerated(EnumType.STRING)
    private EngagementStatus status;

    private LocalDate dibsDueDate;
    private String dibsIntent;
    @Enumerated(EnumType.STRING)
    private BusinessReason dibsBusinessReason;
    private String dibsSuccessOwner;

    private Instant kickoffCompletedAt;

    @Enumerated(EnumType.STRING)
    private WorkshopState workshopState;
    private Instant workshopStartsAt;
    private Integer workshopDurationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Attendee> workshopAttendees;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> workshopAgenda;
    @JdbcTypeCode(SqlTypes.JSON)
    private WorkshopOutcomes workshopOutcomes;
    private Instant workshopCompletedAt;
    private String workshopCancelReason;

    @Enumerated(EnumType.STRING)
    private CheckInCadence checkInCadence;
    private LocalDate checkInNextDate;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Attendee> checkInAttendees;
    /** iCalendar SEQUENCE: how often the workshop, and the check-in series, were rescheduled or cancelled. */
    private int workshopSequence;
    private int checkInSequence;
    @JdbcTypeCode(SqlTypes.JSON)
    private Eligibility currentEligibility;

    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "engagement", cascade = CascadeType.ALL)
    @OrderBy("workload")
    @BatchSize(size = 200) // a list page loads its engagements' services in one query, not one per engagement
    private List<IntendedService> intendedServices = new ArrayList<>();

    protected Engagement() {
    }

    /** The customer facts the FM changed, by field name. */
    public record Changes(List<String> fields) {
        public boolean any() {
            return !fields.isEmpty();
        }

        /** Goals 6: the decision is taken again whenever licences or the enterprise flag change. */
        public boolean eligibilityToDecideAgain() {
            return fields.contains("licenceCount") || fields.contains("enterprise");
        }
    }

    // --- the engagement and its customer facts

    /** A new engagement of the partner, in the Assess phase unless told otherwise, with its intended services. */
    public static Engagement open(UUID id, String partnerId, EngagementDetails details, List<ServicesTabRow> services, Instant now) {
        Engagement e = new Engagement();
        e.id = id;
        e.partnerId = partnerId;
        e.customerName = details.customerName().trim();
        e.customerTenantId = details.customerTenantId();
        e.fastTrackManager = details.fastTrackManager().trim();
        e.licenceCount = details.licenceCount();
        e.enterprise = Boolean.TRUE.equals(details.enterprise());
        e.enrolledInAdoptionBenefit = Boolean.TRUE.equals(details.enrolledInAdoptionBenefit());
        e.phase = Objects.requireNonNullElse(details.phase(), EngagementPhase.ASSESS);
        e.status = Objects.requireNonNullElse(details.status(), EngagementStatus.FULLY_ENGAGED);
        e.recordDibs(details.dibs());
        e.workshopState = WorkshopState.NOT_SCHEDULED;
        e.createdAt = now;
        e.updatedAt = now;
        if (services.isEmpty()) {
            throw DomainException.invalid("intendedServices", "must not be empty");
        }
        Set<Workload> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            ServicesTabRow row = services.get(i);
            if (!seen.add(row.workload())) {
                throw DomainException.invalid("intendedServices[" + i + "].workload", "duplicate service " + row.workload());
            }
            e.intendedServices.add(new IntendedService(e, row, "intendedServices[" + i + "]", now));
        }
        e.raise("EngagementCreated", id, new EngagementCreated(id, partnerId, e.customerName, e.fastTrackManager, e.licenceCount,
                e.enterprise, e.enrolledInAdoptionBenefit, e.intendedServiceCodes()));
        return e;
    }

    /** Changes the facts given (null keeps a fact as it is); DIBS, when given, is replaced as a whole. */
    public Changes change(EngagementDetails d, Instant now) {
        List<String> changed = new ArrayList<>();
        if (d.customerName() != null && !d.customerName().equals(customerName)) {
            customerName = d.customerName().trim();
            changed.add("customerName");
        }
        if (d.customerTenantId() != null && !d.customerTenantId().equals(customerTenantId)) {
            customerTenantId = d.customerTenantId();
            changed.add("customerTenantId");
        }
        if (d.fastTrackManager() != null && !d.fastTrackManager().trim().equals(fastTrackManager)) {
            String previous = fastTrackManager;
            fastTrackManager = d.fastTrackManager().trim();
            changed.add("fastTrackManager");
            // task-service gives the FM-role tasks to the new FM (their inbox).
            raise("FastTrackManagerChanged", id, new FastTrackManagerChanged(id, partnerId, previous, fastTrackManager));
        }
        if (d.licenceCount() != null && d.licenceCount() != licenceCount) {
            licenceCount = d.licenceCount();
            changed.add("licenceCount");
        }
        if (d.enterprise() != null && d.enterprise() != enterprise) {
            enterprise = d.enterprise();
            changed.add("enterprise");
        }
        if (d.enrolledInAdoptionBenefit() != null && d.enrolledInAdoptionBenefit() != enrolledInAdoptionBenefit) {
            enrolledInAdoptionBenefit = d.enrolledInAdoptionBenefit();
            changed.add("enrolledInAdoptionBenefit");
        }
        if (d.phase() != null && d.phase() != phase) {
            phase = d.phase();
            changed.add("phase");
        }
        if (d.status() != null && d.status() != status) {
            status = d.status();
            changed.add("status");
        }
        if (d.dibs() != null) {
            recordDibs(d.dibs());
            changed.add("dibs");
        }
        if (!changed.isEmpty()) {
            touch(now);
        }
        return new Changes(List.copyOf(changed));
    }

    private void recordDibs(Dibs dibs) {
        if (dibs == null) {
            return;
        }
        dibsDueDate = dibs.dueDate();
        dibsIntent = dibs.intent();
        dibsBusinessReason = dibs.businessReason();
        dibsSuccessOwner = dibs.successOwner();
    }

    // --- intended services (the FTOP Services tab)

    /** A service the customer intends to deploy; a retired one comes back with the status given. */
    public void addIntendedService(ServicesTabRow row, Instant now) {
        Optional<IntendedService> existing = intendedServices.stream().filter(s -> s.workload() == row.workload()).findFirst();
        if (existing.isPresent() && existing.get().active()) {
            throw DomainException.ruleViolated("intended-service.already-intended", row.workload() + " is already an intended service");
        }
        if (existing.isPresent()) {
            existing.get().restore(row);
        } else {
            intendedServices.add(new IntendedService(this, row, "", now));
        }
        touch(now);
        raise("IntendedServicesChanged", id, new IntendedServicesChanged(id, partnerId, List.of(row.workload().name()), List.of(),
                intendedServiceCodes()));
    }

    /** Sets the Services-tab status of an intended service (no event: other services do not follow it). */
    public IntendedService updateIntendedService(ServicesTabRow row, Instant now) {
        IntendedService s = activeService(row.workload());
        s.setStatus(row, "");
        touch(now);
        return s;
    }

    /** Retires an intended service (kept, marked removed); the last one stays. */
    public void removeIntendedService(Workload workload, Instant now) {
        IntendedService s = activeService(workload);
        if (activeServices().size() == 1) {
            throw DomainException.ruleViolated("intended-service.at-least-one", "An engagement keeps at least one intended service");
        }
        s.retire(now);
        touch(now);
        raise("IntendedServicesChanged", id, new IntendedServicesChanged(id, partnerId, List.of(), List.of(workload.name()),
                intendedServiceCodes()));
    }

    private IntendedService activeService(Workload workload) {
        return activeServices().stream().filter(s -> s.workload() == workload).findFirst()
                .orElseThrow(() -> DomainException.notFound("Intended service " + workload));
    }

    // --- the success workshop: kickoff → schedule → reschedule/cancel → complete

    /** Prerequisites: the customer kickoff meeting, once. */
    public void completeKickoff(Instant now) {
        if (kickoffCompletedAt != null) {
            throw DomainException.ruleViolated("kickoff.already-complete", "The customer kickoff was already completed at " + kickoffCompletedAt);
        }
        kickoffCompletedAt = now;
        touch(now);
        raise("KickoffCompleted", id, new KickoffCompleted(id, partnerId, kickoffCompletedAt));
    }

    /** Schedule the success workshop: after kickoff, not for the adoption benefit program, not twice. */
    public void scheduleWorkshop(Instant startsAt, int durationMinutes, List<Attendee> attendees, List<String> agenda, Instant now) {
        // Prerequisites: the customer kickoff meeting is complete.
        if (kickoffCompletedAt == null) {
            throw DomainException.ruleViolated("prerequisites.kickoff-complete",
                    "The success workshop can be scheduled only after the customer kickoff is complete (playbook: Prerequisites)");
        }
        // Prerequisites: not for customers in the enterprise add-on adoption benefit program (its activities overlap).
        if (enrolledInAdoptionBenefit) {
            throw DomainException.ruleViolated("prerequisites.not-enrolled-in-adoption-benefit",
                    "The customer is enrolled in the enterprise FastTrack add-on adoption benefit program, whose activities overlap this workshop (playbook: Prerequisites)");
        }
        if (workshopState == WorkshopState.SCHEDULED || workshopState == WorkshopState.COMPLETED) {
            throw DomainException.ruleViolated("workshop.state", "The workshop is already " + workshopState.name().toLowerCase()
                    + (workshopState == WorkshopState.SCHEDULED ? "; reschedule it instead" : ""));
        }
        if (workshopState == WorkshopState.CANCELLED) {
            workshopSequence++;
        }
        workshopState = WorkshopState.SCHEDULED;
        workshopStartsAt = startsAt;
        workshopDurationMinutes = durationMinutes;
        workshopAttendees = attendees == null ? List.of() : attendees;
        workshopAgenda = agenda == null ? List.of() : agenda;
        workshopCancelReason = null;
        touch(now);
        raise("WorkshopScheduled", id, new WorkshopScheduled(id, partnerId, startsAt, durationMinutes, workshopAttendees));
    }

    public void rescheduleWorkshop(Instant startsAt, int durationMinutes, String reason, Instant now) {
        requireScheduled("rescheduled");
        Instant previous = workshopStartsAt;
        workshopStartsAt = startsAt;
        workshopDurationMinutes = durationMinutes;
        workshopSequence++;
        touch(now);
        raise("WorkshopRescheduled", id, new WorkshopRescheduled(id, partnerId, previous, startsAt, durationMinutes, reason));
    }

    /** A cancelled workshop can be scheduled again. */
    public void cancelWorkshop(String reason, Instant now) {
        requireScheduled("cancelled");
        workshopState = WorkshopState.CANCELLED;
        workshopCancelReason = reason;
        workshopSequence++;
        touch(now);
        raise("WorkshopCancelled", id, new WorkshopCancelled(id, partnerId, reason));
    }

    /**
     * Customer success workshop complete, with its outcomes, once SSAT is recorded for every intended service
     * ({@code ssat}: the read model of ssat-service's readiness, null while nothing has been heard).
     */
    public void completeWorkshop(WorkshopOutcomes outcomes, SsatReadiness ssat, Instant now) {
        requireScheduled("completed");
        SsatReadiness.requireRecorded(ssat, intendedServiceCodes());
        workshopState = WorkshopState.COMPLETED;
        workshopCompletedAt = now;
        workshopOutcomes = outcomes;
        // Outcomes: the cadence agreed at the workshop holds until check-ins are scheduled.
        if (checkInCadence == null) {
            checkInCadence = outcomes.checkInCadence();
        }
        touch(now);
        raise("WorkshopCompleted", id, new WorkshopCompleted(id, partnerId, workshopCompletedAt, workshopOutcomes, intendedServiceCodes()));
    }

    private void requireScheduled(String verb) {
        if (workshopState != WorkshopState.SCHEDULED) {
            throw DomainException.ruleViolated("workshop.state", "Only a scheduled workshop can be " + verb + "; it is " + workshopState);
        }
    }

    // --- next steps

    /** Next steps: regular check-ins to review the success checklist and the action items. */
    public void scheduleCheckIns(CheckInCadence cadence, LocalDate nextDate, List<Attendee> attendees, Instant now) {
        if (cadence == null) {
            throw DomainException.invalid("cadence", "must not be null");
        }
        if (nextDate == null) {
            throw DomainException.invalid("nextDate", "must not be null");
        }
        if (checkInNextDate != null && (cadence != checkInCadence || !nextDate.equals(checkInNextDate))) {
            checkInSequence++;
        }
        checkInCadence = cadence;
        checkInNextDate = nextDate;
        checkInAttendees = attendees == null ? List.of() : attendees;
        touch(now);
        raise("CheckInScheduled", id, new CheckInScheduled(id, partnerId, cadence, nextDate, checkInAttendees));
    }

    /**
     * Next steps: a check-in took place. It needs agreed check-ins (a cadence) and a date not in the future; the next one
     * follows the cadence from the day it was held.
     */
    public CheckIn holdCheckIn(LocalDate heldOn, List<Attendee> attendees, String notes, List<String> decisions, CheckIn.Review review,
                               String actor, Instant now) {
        if (checkInCadence == null) {
            throw DomainException.ruleViolated(CHECK_INS_NOT_AGREED, "Agree regular check-ins (a cadence) before recording one");
        }
        if (heldOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            throw DomainException.invalid("heldOn", "a check-in that took place is not in the future");
        }
        LocalDate next = checkInCadence.after(heldOn);
        CheckIn c = new CheckIn(id, heldOn, attendees == null ? List.of() : attendees, notes, decisions == null ? List.of() : decisions,
                review, next, actor, now);
        if (checkInNextDate == null || checkInNextDate.isBefore(next)) {
            checkInSequence += checkInNextDate == null ? 0 : 1;
            checkInNextDate = next;
        }
        touch(now);
        raise("CheckInHeld", id, new CheckInHeld(id, partnerId, c.id(), heldOn, c.attendees(), review.checklistVersion(),
                review.checklistCompletenessPercent(), review.planPercentDone(), review.actionsOpen(), checkInNextDate));
        return c;
    }

    /** Goals 6: whether an enterprise adoption benefit applies, by the policy given; the decision is kept, not the engagement changed. */
    public EligibilityDecision decideEligibility(EligibilityPolicy policy, Instant now) {
        EligibilityPolicy.Decision decision = policy.decide(licenceCount, enterprise);
        Eligibility d = new Eligibility(EligibilityPolicy.ENHANCED_ADOPTION_SERVICE, decision.eligible(), decision.reasons(),
                decision.rulesVersion(), licenceCount, enterprise, now);
        raise("EligibilityDetermined", id, new EligibilityDetermined(id, partnerId, d.benefit(), d.eligible(), d.reasons(),
                d.rulesVersion(), d.licenceCount(), d.enterprise()));
        currentEligibility = d;
        return new EligibilityDecision(id, d);
    }

    /** A change to child rows alone still moves the version (ETag): a new updatedAt makes the engagement dirty. */
    private void touch(Instant now) {
        updatedAt = now;
    }

    // --- what it is now

    public List<IntendedService> activeServices() {
        return intendedServices.stream().filter(IntendedService::active).toList();
    }

    /** The workload codes of the intended services, sorted: what the events carry. */
    public List<String> intendedServiceCodes() {
        return activeServices().stream().map(s -> s.workload().name()).sorted().toList();
    }

    public UUID id() {
        return id;
    }

    public String partnerId() {
        return partnerId;
    }

    public String customerName() {
        return customerName;
    }

    public String customerTenantId() {
        return customerTenantId;
    }

    public String fastTrackManager() {
        return fastTrackManager;
    }

    public int licenceCount() {
        return licenceCount;
    }

    public boolean enterprise() {
        return enterprise;
    }

    public boolean enrolledInAdoptionBenefit() {
        return enrolledInAdoptionBenefit;
    }

    public EngagementPhase phase() {
        return phase;
    }

    public EngagementStatus status() {
        return status;
    }

    public Dibs dibs() {
        return new Dibs(dibsDueDate, dibsIntent, dibsBusinessReason, dibsSuccessOwner);
    }

    public Instant kickoffCompletedAt() {
        return kickoffCompletedAt;
    }

    public SuccessWorkshop workshop() {
        return new SuccessWorkshop(workshopState, workshopStartsAt, workshopDurationMinutes, workshopAttendees, workshopAgenda,
                workshopOutcomes, workshopCompletedAt, workshopCancelReason);
    }

    public int workshopSequence() {
        return workshopSequence;
    }

    public int checkInSequence() {
        return checkInSequence;
    }

    public WorkshopState workshopState() {
        return workshopState;
    }

    /** The latest eligibility decision, or null before the first. */
    public Eligibility currentEligibility() {
        return currentEligibility;
    }

    public CheckIns checkIns() {
        return new CheckIns(checkInCadence, checkInNextDate, checkInAttendees);
    }

    /** Every intended service, retired ones included. */
    public List<IntendedService> intendedServices() {
        return Collections.unmodifiableList(intendedServices);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
