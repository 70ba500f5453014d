package com.successworkshop.engagement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Next steps: the regular check-ins the FM and the customer agreed (cadence, next date, who attends). */
public record CheckIns(CheckInCadence cadence, LocalDate nextDate, List<Attendee> attendees) {

    /** The next {@code count} dates by the cadence, from the next date on; none until both are agreed. */
    public List<LocalDate> upcoming(int count) {
        List<LocalDate> dates = new ArrayList<>();
        if (cadence != null && nextDate != null) {
            LocalDate d = nextDate;
            for (int i = 0; i < count; i++) {
                dates.add(d);
                d = cadence.after(d);
            }
        }
        return dates;
    }
}
