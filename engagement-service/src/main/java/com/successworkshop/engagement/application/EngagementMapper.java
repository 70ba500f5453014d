package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.CheckInsView;
import com.successworkshop.engagement.application.EngagementViews.CreateEngagement;
import com.successworkshop.engagement.application.EngagementViews.Dibs;
import com.successworkshop.engagement.application.EngagementViews.EligibilityView;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceInput;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceView;
import com.successworkshop.engagement.application.EngagementViews.ServiceStatusUpdate;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.EngagementViews.UpdateEngagement;
import com.successworkshop.engagement.application.EngagementViews.WorkshopView;
import com.successworkshop.engagement.domain.CheckIns;
import com.successworkshop.engagement.domain.Eligibility;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementDetails;
import com.successworkshop.engagement.domain.IntendedService;
import com.successworkshop.engagement.domain.ServicesTabRow;
import com.successworkshop.engagement.domain.SuccessWorkshop;
import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.engagement.domain.Workload;

import java.util.List;

/** Entities never leave the application layer: these are the views clients see, and the requests as the domain takes them. */
public final class EngagementMapper {

    private EngagementMapper() {
    }

    public static EngagementView view(Engagement e) {
        Eligibility decision = e.currentEligibility();
        var dibs = e.dibs();
        SuccessWorkshop w = e.workshop();
        return new EngagementView(e.id(), e.partnerId(), e.customerName(), e.customerTenantId(), e.fastTrackManager(),
                e.licenceCount(), e.enterprise(), e.enrolledInAdoptionBenefit(), e.phase(), e.status(),
                new Dibs(dibs.dueDate(), dibs.intent(), dibs.businessReason(), dibs.successOwner()), dibs.risks(),
                e.kickoffCompletedAt(),
                new WorkshopView(w.state(), w.startsAt(), w.durationMinutes(), w.attendees(), w.agenda(), w.outcomes(),
                        w.completedAt(), w.cancelReason()),
                view(e.checkIns(), 3),
                e.intendedServices().stream().map(EngagementMapper::view).toList(),
                decision == null ? null : view(decision), e.version(), e.createdAt(), e.updatedAt());
    }

    public static EligibilityView view(Eligibility d) {
        return new EligibilityView(d.benefit(), d.eligible(), d.reasons(), d.rulesVersion(), d.licenceCount(), d.enterprise(), d.decidedAt());
    }

    public static IntendedServiceView view(IntendedService s) {
        ServicesTabRow r = s.row();
        return new IntendedServiceView(r.workload(), r.l1Status(), r.l2Status(), r.targetDate(), r.owner(), r.notes(),
                r.nextAction(), r.nextActionDate(), s.addedAt(), s.removedAt());
    }


    public static TimelineEntryView view(TimelineEntry t) {
        return new TimelineEntryView(t.id, t.at, t.actor, t.kind, t.summary, t.eventId);
    }

    public static CheckInsView view(CheckIns c, int count) {
        return new CheckInsView(c.cadence(), c.nextDate(), c.attendees(), c.upcoming(count));
    }

    // --- requests as the domain takes them

    public static EngagementDetails details(CreateEngagement r) {
        return new EngagementDetails(r.customerName(), r.customerTenantId(), r.fastTrackManager(), r.licenceCount(), r.enterprise(),
                r.enrolledInAdoptionBenefit(), r.phase(), r.status(), dibs(r.dibs()));
    }

    public static EngagementDetails details(UpdateEngagement r) {
        return new EngagementDetails(r.customerName(), r.customerTenantId(), r.fastTrackManager(), r.licenceCount(), r.enterprise(),
                r.enrolledInAdoptionBenefit(), r.phase(), r.status(), dibs(r.dibs()));
    }

    public static List<ServicesTabRow> rows(List<IntendedServiceInput> inputs) {
        return inputs.stream().map(EngagementMapper::row).toList();
    }

    public static ServicesTabRow row(IntendedServiceInput in) {
        return new ServicesTabRow(in.workload(), in.l1Status(), in.l2Status(), in.targetDate(), in.owner(), in.notes(),
                in.nextAction(), in.nextActionDate());
    }

    public static ServicesTabRow row(Workload workload, ServiceStatusUpdate in) {
        return new ServicesTabRow(workload, in.l1Status(), in.l2Status(), in.targetDate(), in.owner(), in.notes(),
                in.nextAction(), in.nextActionDate());
    }

    private static com.successworkshop.engagement.domain.Dibs dibs(Dibs d) {
        return d == null ? null : new com.successworkshop.engagement.domain.Dibs(d.dueDate(), d.intent(), d.businessReason(), d.successOwner());
    }
}
