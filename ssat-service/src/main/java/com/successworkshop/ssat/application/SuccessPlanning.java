package com.successworkshop.ssat.application;

import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.ssat.application.PlanViews.ActionInput;
import com.successworkshop.ssat.application.PlanViews.ActionView;
import com.successworkshop.ssat.application.PlanViews.ChecklistItemChange;
import com.successworkshop.ssat.application.PlanViews.ChecklistSummary;
import com.successworkshop.ssat.application.PlanViews.ChecklistView;
import com.successworkshop.ssat.application.PlanViews.PlanView;
import com.successworkshop.ssat.application.PlanViews.ProgressView;
import com.successworkshop.ssat.application.PlanViews.StatusChange;
import com.successworkshop.ssat.domain.ActionStatus;
import com.successworkshop.ssat.domain.ChecklistItem;
import com.successworkshop.ssat.domain.ChecklistState;
import com.successworkshop.ssat.domain.OwnerRole;
import com.successworkshop.ssat.domain.PlanAction;
import com.successworkshop.ssat.domain.PlanProgress;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessChecklist;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessPlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Playbook: Outcomes — the customer's success plan: actions and owners (many proposed by SSAT gaps) and the
 * success-plan checklist. Plan changes of one engagement are serialised on its matrix row, so the progress each event
 * carries counts every earlier change.
 */
@ApplicationScoped
@Transactional
public class SuccessPlanning {

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessPlanRepository plans;
    @Inject
    UnitOfWork work;
    @Inject
    CurrentPartner caller;
    @Inject
    EntityManager em;

    public PlanView plan(UUID engagementId, ActionStatus status, OwnerRole ownerRole) {
        SsatMatrix m = matrix(engagementId, false);
        List<PlanAction> actions = plans.actions(engagementId);
        LocalDate today = today();
        SuccessChecklist c = plans.checklist(m);
        List<ActionView> shown = actions.stream().filter(a -> status == null || a.status() == status)
                .filter(a -> ownerRole == null || a.ownerRole() == ownerRole).map(a -> view(a, today)).toList();
        return new PlanView(engagementId, ProgressView.of(PlanProgress.of(actions, today)), shown,
                new ChecklistSummary(c.revision(), c.completenessPercent(), c.items().size(), c.count(ChecklistState.CHECKED),
                        c.count(ChecklistState.NOT_APPLICABLE)));
    }

    public ActionView addAction(UUID engagementId, ActionInput in) {
        SsatMatrix m = matrix(engagementId, true);
        PlanAction a = PlanAction.plan(m, details(in), caller.actor(), Instant.now());
        plans.add(a);
        return announce(m, a);
    }

    public ActionView action(UUID engagementId, UUID actionId) {
        matrix(engagementId, false);
        return view(action0(engagementId, actionId), today());
    }

    public ActionView editAction(UUID engagementId, UUID actionId, String ifMatch, ActionInput in) {
        SsatMatrix m = matrix(engagementId, true);
        PlanAction a = action0(engagementId, actionId);
        ExpectedVersion.check(ifMatch, a.etag());
        a.edit(m, details(in), caller.actor(), Instant.now());
        return announce(m, a);
    }

    /** A status change; DONE with setFactorInPlace also sets the action's SSAT factor IN_PLACE. */
    public ActionView changeStatus(UUID engagementId, UUID actionId, String ifMatch, StatusChange in) {
        SsatMatrix m = matrix(engagementId, true);
        PlanAction a = action0(engagementId, actionId);
        ExpectedVersion.check(ifMatch, a.etag());
        Instant now = Instant.now();
        a.move(in.status(), in.reason(), caller.actor(), now);
        if (Boolean.TRUE.equals(in.setFactorInPlace())) {
            if (in.status() != ActionStatus.DONE) {
                throw DomainException.invalid("setFactorInPlace", "only closing an action (DONE) sets its factor IN_PLACE");
            }
            a.closeFactor(m, caller.actor(), now);
            work.complete(m);
        }
        return announce(m, a);
    }

    /** Capture SSAT: a gap recorded for a factor proposes the action that closes it, or updates the open proposal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void gapRecorded(SsatMatrix m, Workload service, SsatFactor factor, String gap) {
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        var open = plans.proposal(m.engagementId(), service, factor);
        if (open.isPresent()) {
            open.get().regap(gap, caller.actor(), Instant.now());
            announce(m, open.get());
        } else {
            PlanAction a = PlanAction.propose(m, service, factor, gap, caller.actor(), Instant.now());
            plans.add(a);
            announce(m, a);
        }
    }

    public ChecklistView checklistView(UUID engagementId) {
        return view(plans.checklist(matrix(engagementId, false)));
    }

    public ChecklistView markItem(UUID engagementId, ChecklistItem item, String ifMatch, ChecklistItemChange in) {
        SsatMatrix m = matrix(engagementId, false);
        SuccessChecklist c = plans.checklist(m);
        if (!plans.stored(c)) {
            // The checklist's first change writes its row, under the matrix's lock: a concurrent first change then
            // reads the row written and gets 412 for the version it was sent, not a key clash.
            em.lock(m, LockModeType.PESSIMISTIC_WRITE);
            c = plans.checklist(m);
        }
        ExpectedVersion.check(ifMatch, c.etag());
        if (plans.stored(c)) {
            // An item's first change inserts its row: locked at the checked version, a concurrent one gets 412, not a key clash.
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        } else {
            em.persist(c);
        }
        c.mark(item, in.state(), in.reason(), caller.actor(), Instant.now(), m.partnerId());
        return view(work.complete(c));
    }

    private ActionView announce(SsatMatrix m, PlanAction a) {
        em.flush();
        a.announce(m.partnerId(), PlanProgress.of(plans.actions(m.engagementId()), today()));
        return view(work.complete(a), today());
    }

    private SsatMatrix matrix(UUID engagementId, boolean lock) {
        SsatMatrix m = matrices.find(engagementId).orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
        if (lock) {
            em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        }
        return m;
    }

    private PlanAction action0(UUID engagementId, UUID actionId) {
        return plans.action(engagementId, actionId).orElseThrow(() -> DomainException.notFound("Success-plan action " + actionId));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static PlanAction.Details details(ActionInput in) {
        var o = in.owner();
        return new PlanAction.Details(in.title(), in.description(), in.service(), in.factor(), in.gap(),
                o == null ? null : o.name(), o == null ? null : o.organisation(), o == null ? null : o.role(), in.dueDate());
    }

    static ActionView view(PlanAction a, LocalDate today) {
        boolean overdue = a.status().planned() && a.status() != ActionStatus.DONE && a.dueDate() != null && a.dueDate().isBefore(today);
        return new ActionView(a.id(), a.engagementId(), a.title(), a.description(), a.service(), a.factor(), a.gap(),
                a.ownerName() == null ? null : new PlanViews.OwnerView(a.ownerName(), a.ownerOrganisation(), a.ownerRole()),
                a.dueDate(), a.status(), a.statusReason(), overdue, a.createdBy(), a.createdAt(), a.changedBy(), a.updatedAt(), a.version());
    }

    static ChecklistView view(SuccessChecklist c) {
        return new ChecklistView(c.engagementId(), c.revision(), c.completenessPercent(), c.items().stream()
                .map(e -> new PlanViews.ChecklistItemView(e.item(), e.item().label(), e.state(), e.reason(), e.changedBy(), e.changedAt()))
                .toList(), c.updatedAt(), c.version());
    }
}
