package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.CheckInCadence;
import com.successworkshop.engagement.domain.EligibilityDecision;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.IntendedService;
import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.engagement.application.EngagementViews.CheckInsView;
import com.successworkshop.engagement.application.EngagementViews.Dibs;
import com.successworkshop.engagement.application.EngagementViews.EligibilityView;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceView;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.EngagementViews.WorkshopView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Entities never leave the service layer: these are the views clients see. */
public final class EngagementMapper {

    private EngagementMapper() {
    }

    public static EngagementView view(Engagement e, EligibilityDecision decision) {
        return new EngagementView(e.id, e.partnerId, e.customerName, e.customerTenantId, e.fastTrackManager,
                e.licenceCount, e.enterprise, e.enrolledInAdoptionBenefit, e.phase, e.status,
                new Dibs(e.dibsDueDate, e.dibsIntent, e.dibsBusinessReason, e.dibsSuccessOwner), dibsRisks(e),
                e.kickoffCompletedAt,
                new WorkshopView(e.workshopState, e.workshopStartsAt, e.workshopDurationMinutes, e.workshopAttendees,
                        e.workshopAgenda, e.workshopOutcomes, e.workshopCompletedAt, e.workshopCancelReason),
                checkIns(e, 3),
                e.intendedServices.stream().map(EngagementMapper::view).toList(),
                decision == null ? null : view(decision), e.version, e.createdAt, e.updatedAt);
    }

    public static IntendedServiceView view(IntendedService s) {
        return new IntendedServiceView(s.workload, s.l1Status, s.l2Status, s.targetDate, s.owner, s.notes,
                s.nextAction, s.nextActionDate, s.addedAt, s.removedAt);
    }

    public static EligibilityView view(EligibilityDecision d) {
        return new EligibilityView(d.benefit, d.eligible, d.reasons, d.rulesVersion, d.licenceCount, d.enterprise, d.decidedAt);
    }

    public static TimelineEntryView view(TimelineEntry t) {
        return new TimelineEntryView(t.id, t.at, t.actor, t.kind, t.summary, t.eventId);
    }

    public static CheckInsView checkIns(Engagement e, int count) {
        List<LocalDate> upcoming = new ArrayList<>();
        CheckInCadence cadence = e.checkInCadence;
        if (cadence != null && e.checkInNextDate != null) {
            LocalDate d = e.checkInNextDate;
            for (int i = 0; i < count; i++) {
                upcoming.add(d);
                d = cadence.after(d);
            }
        }
        return new CheckInsView(cadence, e.checkInNextDate, e.checkInAttendees, upcoming);
    }

    /** Prerequisites: a DIBS item not confirmed at kickoff is a risk. */
    public static List<String> dibsRisks(Engagement e) {
        List<String> risks = new ArrayList<>();
        if (e.dibsDueDate == null) {
            risks.add("DUE_DATE_MISSING");
        }
        if (e.dibsIntent == null || e.dibsIntent.isBlank()) {
            risks.add("INTENT_MISSING");
        }
        if (e.dibsBusinessReason == null) {
            risks.add("BUSINESS_REASON_MISSING");
        }
        if (e.dibsSuccessOwner == null || e.dibsSuccessOwner.isBlank()) {
            risks.add("SUCCESS_OWNER_MISSING");
        }
        return risks;
    }
}
