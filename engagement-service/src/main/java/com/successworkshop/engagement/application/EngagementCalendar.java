package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.Attendee;
import com.successworkshop.engagement.domain.CheckInCadence;
import com.successworkshop.engagement.domain.CheckIns;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.SuccessWorkshop;
import com.successworkshop.engagement.domain.WorkshopState;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.kit.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The success workshop and the regular check-ins as iCalendar (RFC 5545) for the FM's and the customer's calendars: one
 * stable UID each, SEQUENCE raised by every reschedule so calendars update the event, CANCELLED when it is called off,
 * and the check-ins as one series whose RRULE follows the agreed cadence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementCalendar {

    static final String PRODUCT = "-//Success Workshop platform//engagement-service//EN";

    @Inject
    EngagementRepository engagements;

    public String workshop(UUID engagementId) {
        Engagement e = engagements.load(engagementId);
        SuccessWorkshop w = e.workshop();
        if (w.state() == WorkshopState.NOT_SCHEDULED || w.startsAt() == null) {
            throw DomainException.notFound("A scheduled success workshop of engagement " + engagementId);
        }
        boolean cancelled = w.state() == WorkshopState.CANCELLED;
        VEvent event = new VEvent(w.startsAt(), Duration.ofMinutes(w.durationMinutes()), "Customer Success Workshop — " + e.customerName());
        event.add(new Uid("workshop-" + engagementId + "@successworkshop"));
        event.add(new Sequence(e.workshopSequence()));
        event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        event.add(new Description(describe("FastTrack Customer Success Workshop with " + e.customerName(), w.attendees())));
        return calendar(event, cancelled);
    }

    public String checkIns(UUID engagementId) {
        Engagement e = engagements.load(engagementId);
        CheckIns c = e.checkIns();
        if (c.cadence() == null || c.nextDate() == null) {
            throw DomainException.notFound("Agreed regular check-ins of engagement " + engagementId);
        }
        VEvent event = new VEvent(c.nextDate(), "Success plan check-in — " + e.customerName());
        event.add(new Uid("check-ins-" + engagementId + "@successworkshop"));
        event.add(new Sequence(e.checkInSequence()));
        event.add(new RRule<>(recurrence(c.cadence())));
        event.add(new Status(Status.VALUE_CONFIRMED));
        event.add(new Description(describe("Review the success checklist and the progress of the success plan's actions", c.attendees())));
        return calendar(event, false);
    }

    private static Recur<LocalDate> recurrence(CheckInCadence cadence) {
        return switch (cadence) {
            case WEEKLY -> new Recur.Builder<LocalDate>().frequency(Frequency.WEEKLY).build();
            case BIWEEKLY -> new Recur.Builder<LocalDate>().frequency(Frequency.WEEKLY).interval(2).build();
            case MONTHLY -> new Recur.Builder<LocalDate>().frequency(Frequency.MONTHLY).build();
        };
    }

    private static String describe(String what, List<Attendee> attendees) {
        if (attendees == null || attendees.isEmpty()) {
            return what;
        }
        return what + "\nAttendees: " + attendees.stream().map(a -> a.name() + " (" + a.organisation() + ")").collect(Collectors.joining(", "));
    }

    private static String calendar(VEvent event, boolean cancelled) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODUCT));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        cal.add(event);
        return cal.toString();
    }
}
