package com.successworkshop.engagement.domain;

import com.successworkshop.engagement.domain.EngagementEvents.CheckInScheduled;
import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.successworkshop.engagement.domain.Engagements.NOW;
import static com.successworkshop.engagement.domain.Engagements.opened;
import static com.successworkshop.engagement.domain.Workload.OD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Next steps: regular check-ins by cadence from the next date. */
class CheckInsTest {

    private static final LocalDate JAN_7 = LocalDate.of(2030, 1, 7);

    @Test
    void schedulingCheckInsRaisesCheckInScheduled() {
        Engagement e = opened(OD);
        List<Attendee> attendees = List.of(new Attendee("Aiko", "Contoso", "Sponsor"));
        e.scheduleCheckIns(CheckInCadence.BIWEEKLY, JAN_7, attendees, NOW.plusSeconds(60));

        assertEquals(new CheckIns(CheckInCadence.BIWEEKLY, JAN_7, attendees), e.checkIns());
        assertEquals(NOW.plusSeconds(60), e.updatedAt());
        List<DomainEvent> events = e.takeEvents();
        assertEquals("CheckInScheduled", events.getFirst().name());
        assertEquals(new CheckInScheduled(e.id(), "partner-1", CheckInCadence.BIWEEKLY, JAN_7, attendees), events.getFirst().data());
    }

    @Test
    void aCadenceAndANextDateAreBothNeeded() {
        Engagement e = opened(OD);
        assertEquals("cadence", assertThrows(DomainException.InvalidInput.class,
                () -> e.scheduleCheckIns(null, JAN_7, null, NOW)).fields().getFirst().field());
        assertEquals("nextDate", assertThrows(DomainException.InvalidInput.class,
                () -> e.scheduleCheckIns(CheckInCadence.WEEKLY, null, null, NOW)).fields().getFirst().field());
        assertTrue(e.takeEvents().isEmpty());
        assertEquals(List.of(), e.checkIns().upcoming(3), "nothing agreed, nothing upcoming");
    }

    @Test
    void upcomingDatesFollowTheCadence() {
        assertEquals(List.of(JAN_7, LocalDate.of(2030, 1, 14), LocalDate.of(2030, 1, 21)),
                new CheckIns(CheckInCadence.WEEKLY, JAN_7, List.of()).upcoming(3));
        assertEquals(List.of(JAN_7, LocalDate.of(2030, 1, 21), LocalDate.of(2030, 2, 4)),
                new CheckIns(CheckInCadence.BIWEEKLY, JAN_7, List.of()).upcoming(3));
        assertEquals(List.of(LocalDate.of(2030, 1, 31), LocalDate.of(2030, 2, 28), LocalDate.of(2030, 3, 28)),
                new CheckIns(CheckInCadence.MONTHLY, LocalDate.of(2030, 1, 31), List.of()).upcoming(3));
    }
}
