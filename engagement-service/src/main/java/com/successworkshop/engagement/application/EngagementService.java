package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.EligibilityDecision;
import com.successworkshop.engagement.domain.EngagementCriteria;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementPhase;
import com.successworkshop.engagement.domain.EngagementStatus;
import com.successworkshop.engagement.domain.IntendedService;
import com.successworkshop.engagement.domain.ServiceStatus;
import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.engagement.domain.Workload;
import com.successworkshop.engagement.domain.WorkshopState;
import com.successworkshop.engagement.application.EngagementMapper;
import com.successworkshop.engagement.domain.EngagementEvents;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.engagement.repository.EligibilityDecisionRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.engagement.application.EngagementViews.CreateEngagement;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceInput;
import com.successworkshop.engagement.application.EngagementViews.PageView;
import com.successworkshop.engagement.application.EngagementViews.ScheduleCheckIns;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.EngagementViews.UpdateEngagement;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Engagements, their intended services, eligibility, check-ins and timeline. */
@ApplicationScoped
@Transactional
public class EngagementService {

    @Inject
    EngagementRepository engagements;
    @Inject
    EligibilityDecisionRepository decisions;
    @Inject
    TimelineRepository timeline;
    @Inject
    EligibilityPolicy eligibility;
    @Inject
    OutboxWriter outbox;
    @Inject
    CurrentPartner caller;
    @Inject
    EntityManager em;

    public EngagementView create(CreateEngagement req) {
        Instant now = Instant.now();
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.partnerId = caller.partnerId();
        e.customerName = req.customerName().trim();
        e.customerTenantId = req.customerTenantId();
        e.fastTrackManager = req.fastTrackManager().trim();
        e.licenceCount = req.licenceCount();
        e.enterprise = Boolean.TRUE.equals(req.enterprise());
        e.enrolledInAdoptionBenefit = Boolean.TRUE.equals(req.enrolledInAdoptionBenefit());
        e.phase = Objects.requireNonNullElse(req.phase(), EngagementPhase.ASSESS);
        e.status = Objects.requireNonNullElse(req.status(), EngagementStatus.FULLY_ENGAGED);
        applyDibs(e, req.dibs());
        e.workshopState = WorkshopState.NOT_SCHEDULED;
        e.createdAt = now;
        e.updatedAt = now;
        Set<Workload> seen = new HashSet<>();
        for (int i = 0; i < req.intendedServices().size(); i++) {
            IntendedServiceInput in = req.intendedServices().get(i);
            if (!seen.add(in.workload())) {
                throw ProblemException.invalid("intendedServices[" + i + "].workload", "duplicate service " + in.workload());
            }
            e.intendedServices.add(newService(e, in, "intendedServices[" + i + "]", now));
        }
        engagements.persist(e);
        UUID eventId = outbox.append("EngagementCreated", e.id.toString(), new EngagementEvents.EngagementCreated(e.id, e.partnerId,
                e.customerName, e.fastTrackManager, e.licenceCount, e.enterprise, e.enrolledInAdoptionBenefit, codes(e.activeWorkloads())));
        record(e, "ENGAGEMENT_CREATED", "Engagement created for " + e.customerName + " with " + codes(e.activeWorkloads()), eventId);
        EligibilityDecision d = decide(e);
        return EngagementMapper.view(e, d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EngagementView> find(UUID id) {
        return engagements.findForPartner(id, caller.partnerId()).map(e -> EngagementMapper.view(e, decisions.current(e.id).orElse(null)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<EngagementView> list(EngagementCriteria filter, Sort sort, int page, int size) {
        PanacheQuery<Engagement> q = engagements.search(filter, sort).page(Page.of(page, size));
        List<Engagement> rows = q.list();
        var current = decisions.currentFor(rows.stream().map(e -> e.id).toList());
        List<EngagementView> items = rows.stream().map(e -> EngagementMapper.view(e, current.get(e.id))).toList();
        return new PageView<>(items, page, size, q.count());
    }

    public EngagementView update(UUID id, String ifMatch, UpdateEngagement req) {
        Engagement e = load(id, ifMatch, true);
        List<String> changed = new ArrayList<>();
        if (req.customerName() != null && !req.customerName().equals(e.customerName)) {
            e.customerName = req.customerName().trim();
            changed.add("customerName");
        }
        if (req.customerTenantId() != null && !req.customerTenantId().equals(e.customerTenantId)) {
            e.customerTenantId = req.customerTenantId();
            changed.add("customerTenantId");
        }
        if (req.fastTrackManager() != null && !req.fastTrackManager().equals(e.fastTrackManager)) {
            e.fastTrackManager = req.fastTrackManager().trim();
            changed.add("fastTrackManager");
        }
        boolean redecide = false;
        if (req.licenceCount() != null && req.licenceCount() != e.licenceCount) {
            e.licenceCount = req.licenceCount();
            changed.add("licenceCount");
            redecide = true;
        }
        if (req.enterprise() != null && req.enterprise() != e.enterprise) {
            e.enterprise = req.enterprise();
            changed.add("enterprise");
            redecide = true;
        }
        if (req.enrolledInAdoptionBenefit() != null && req.enrolledInAdoptionBenefit() != e.enrolledInAdoptionBenefit) {
            e.enrolledInAdoptionBenefit = req.enrolledInAdoptionBenefit();
            changed.add("enrolledInAdoptionBenefit");
        }
        if (req.phase() != null && req.phase() != e.phase) {
            e.phase = req.phase();
            changed.add("phase");
        }
        if (req.status() != null && req.status() != e.status) {
            e.status = req.status();
            changed.add("status");
        }
        if (req.dibs() != null) {
            applyDibs(e, req.dibs());
            changed.add("dibs");
        }
        if (!changed.isEmpty()) {
            touch(e);
            record(e, "ENGAGEMENT_UPDATED", "Changed " + String.join(", ", changed), null);
        }
        // Goals 6: the decision is taken again whenever licences or the enterprise flag change.
        EligibilityDecision d = redecide ? decide(e) : decisions.current(e.id).orElse(null);
        flush();
        return EngagementMapper.view(e, d);
    }

    public EngagementView addService(UUID id, String ifMatch, IntendedServiceInput in) {
        Engagement e = load(id, ifMatch, false);
        Instant now = Instant.now();
        Optional<IntendedService> existing = e.intendedServices.stream().filter(s -> s.workload == in.workload()).findFirst();
        if (existing.isPresent() && existing.get().removedAt == null) {
            throw ProblemException.conflict("intended-service.already-intended", in.workload() + " is already an intended service");
        }
        if (existing.isPresent()) {
            IntendedService s = existing.get();
            applyServiceFields(s, in, "", now);
            s.removedAt = null;
        } else {
            e.intendedServices.add(newService(e, in, "", now));
        }
        touch(e);
        UUID eventId = outbox.append("IntendedServicesChanged", e.id.toString(), new EngagementEvents.IntendedServicesChanged(e.id,
                e.partnerId, List.of(in.workload().name()), List.of(), codes(e.activeWorkloads())));
        record(e, "INTENDED_SERVICE_ADDED", in.workload() + " added to the intended services", eventId);
        flush();
        return EngagementMapper.view(e, decisions.current(e.id).orElse(null));
    }

    public EngagementView updateService(UUID id, Workload workload, String ifMatch, IntendedServiceInput in) {
        Engagement e = load(id, ifMatch, true);
        IntendedService s = e.activeServices().stream().filter(x -> x.workload == workload).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Intended service " + workload));
        applyServiceFields(s, in, "", Instant.now());
        touch(e);
        record(e, "INTENDED_SERVICE_UPDATED", workload + " status " + s.l1Status + (s.l2Status == null ? "" : " / " + s.l2Status), null);
        flush();
        return EngagementMapper.view(e, decisions.current(e.id).orElse(null));
    }

    public EngagementView removeService(UUID id, Workload workload, String ifMatch) {
        Engagement e = load(id, ifMatch, false);
        IntendedService s = e.activeServices().stream().filter(x -> x.workload == workload).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Intended service " + workload));
        if (e.activeServices().size() == 1) {
            throw ProblemException.conflict("intended-service.at-least-one", "An engagement keeps at least one intended service");
        }
        s.removedAt = Instant.now();
        touch(e);
        UUID eventId = outbox.append("IntendedServicesChanged", e.id.toString(), new EngagementEvents.IntendedServicesChanged(e.id,
                e.partnerId, List.of(), List.of(workload.name()), codes(e.activeWorkloads())));
        record(e, "INTENDED_SERVICE_REMOVED", workload + " removed from the intended services (kept as retired)", eventId);
        flush();
        return EngagementMapper.view(e, decisions.current(e.id).orElse(null));
    }

    public EngagementView scheduleCheckIns(UUID id, String ifMatch, ScheduleCheckIns req) {
        Engagement e = load(id, ifMatch, false);
        e.checkInCadence = req.cadence();
        e.checkInNextDate = req.nextDate();
        e.checkInAttendees = req.attendees() == null ? List.of() : req.attendees();
        touch(e);
        UUID eventId = outbox.append("CheckInScheduled", e.id.toString(), new EngagementEvents.CheckInScheduled(e.id, e.partnerId,
                e.checkInCadence, e.checkInNextDate, e.checkInAttendees));
        record(e, "CHECK_IN_SCHEDULED", req.cadence() + " check-ins from " + req.nextDate(), eventId);
        flush();
        return EngagementMapper.view(e, decisions.current(e.id).orElse(null));
    }

    /** Re-decides eligibility on request (e.g. after the rules changed); publishes the decision. */
    public EngagementView redecide(UUID id) {
        Engagement e = load(id, null, false);
        EligibilityDecision d = decide(e);
        return EngagementMapper.view(e, d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<EligibilityDecision>> eligibilityHistory(UUID id) {
        return engagements.findForPartner(id, caller.partnerId()).map(e -> decisions.history(e.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<com.successworkshop.engagement.application.EngagementViews.CheckInsView> checkIns(UUID id, int count) {
        return engagements.findForPartner(id, caller.partnerId()).map(e -> EngagementMapper.checkIns(e, count));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PageView<TimelineEntryView>> timeline(UUID id, int page, int size) {
        return engagements.findForPartner(id, caller.partnerId()).map(e -> {
            PanacheQuery<TimelineEntry> q = timeline.find("engagementId", Sort.ascending("id"), e.id).page(Page.of(page, size));
            return new PageView<>(q.list().stream().map(EngagementMapper::view).toList(), page, size, q.count());
        });
    }

    // --- helpers shared with SuccessWorkshopService

    /** Loads the caller's engagement and checks If-Match; the stale check is repeated by @Version at flush. */
    Engagement load(UUID id, String ifMatch, boolean ifMatchRequired) {
        Engagement e = engagements.findForPartner(id, caller.partnerId())
                .orElseThrow(() -> ProblemException.notFound("Engagement " + id));
        ExpectedVersion.check(ifMatch, e.etag(), ifMatchRequired);
        return e;
    }

    void touch(Engagement e) {
        // A new updatedAt makes the engagement dirty, so a change to child rows alone still moves its version (ETag).
        e.updatedAt = Instant.now();
    }

    void flush() {
        em.flush();
    }

    void record(Engagement e, String kind, String summary, UUID eventId) {
        timeline.record(e.id, e.partnerId, caller.actor(), kind, summary, eventId, Instant.now());
    }

    EligibilityDecision decide(Engagement e) {
        EligibilityPolicy.Decision decision = eligibility.decide(e.licenceCount, e.enterprise);
        EligibilityDecision d = new EligibilityDecision();
        d.id = UUID.randomUUID();
        d.engagementId = e.id;
        d.benefit = EligibilityPolicy.ENHANCED_ADOPTION_SERVICE;
        d.eligible = decision.eligible();
        d.reasons = decision.reasons();
        d.rulesVersion = decision.rulesVersion();
        d.licenceCount = e.licenceCount;
        d.enterprise = e.enterprise;
        d.decidedAt = Instant.now();
        decisions.persist(d);
        UUID eventId = outbox.append("EligibilityDetermined", e.id.toString(), new EngagementEvents.EligibilityDetermined(e.id, e.partnerId,
                d.benefit, d.eligible, d.reasons, d.rulesVersion, d.licenceCount, d.enterprise));
        record(e, "ELIGIBILITY_DETERMINED", "Enhanced Adoption Service: " + (d.eligible ? "eligible" : "not eligible")
                + " (" + String.join("; ", d.reasons) + ")", eventId);
        return d;
    }

    static List<String> codes(List<Workload> workloads) {
        return workloads.stream().map(Enum::name).sorted().toList();
    }

    private static void applyDibs(Engagement e, com.successworkshop.engagement.application.EngagementViews.Dibs dibs) {
        if (dibs == null) {
            return;
        }
        e.dibsDueDate = dibs.dueDate();
        e.dibsIntent = dibs.intent();
        e.dibsBusinessReason = dibs.businessReason();
        e.dibsSuccessOwner = dibs.successOwner();
    }

    private static IntendedService newService(Engagement e, IntendedServiceInput in, String field, Instant now) {
        IntendedService s = new IntendedService();
        s.id = UUID.randomUUID();
        s.engagement = e;
        s.workload = in.workload();
        s.addedAt = now;
        applyServiceFields(s, in, field, now);
        return s;
    }

    /** FTOP Services tab: the L2 value must belong to its L1; In Progress and Blocked need a target date. */
    private static void applyServiceFields(IntendedService s, IntendedServiceInput in, String field, Instant now) {
        String prefix = field.isEmpty() ? "" : field + ".";
        ServiceStatus l1 = Objects.requireNonNullElse(in.l1Status(), ServiceStatus.STATUS_UNKNOWN);
        if (in.l2Status() != null && !l1.l2Values.contains(in.l2Status())) {
            throw ProblemException.invalid(prefix + "l2Status", "for " + l1 + " must be one of " + l1.l2Values);
        }
        if (l1.requiresTargetDate && in.targetDate() == null) {
            throw ProblemException.invalid(prefix + "targetDate", "is required when l1Status is " + l1);
        }
        s.l1Status = l1;
        s.l2Status = in.l2Status();
        s.targetDate = in.targetDate();
        s.owner = in.owner();
        s.notes = in.notes();
        s.nextAction = in.nextAction();
        s.nextActionDate = in.nextActionDate();
    }
}
