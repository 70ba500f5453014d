package com.successworkshop.engagement;

import com.successworkshop.engagement.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.successworkshop.engagement.support.Api.engagement;
import static com.successworkshop.engagement.support.Api.manager;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workshop and the check-in series in the FM's and the customer's calendars (RFC 5545), parsed back with ical4j. */
@QuarkusTest
class CalendarTest {

    private static VEvent event(String partner, String path) throws Exception {
        String ics = manager(partner).accept("text/calendar").get(path).then().statusCode(200)
                .contentType(containsString("text/calendar")).header("Content-Disposition", containsString(".ics")).extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        return cal.<VEvent>getComponents().getFirst();
    }

    private static String prop(VEvent e, String name) {
        return e.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void aRescheduledWorkshopHasAHigherSequenceAndACancelledOneIsCancelled() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso Ltd", 25_000, true, "OD"));
        String base = "/api/v1/engagements/" + id;
        manager(partner).accept("text/calendar").get(base + "/workshop.ics").then().statusCode(404);
        manager(partner).post(base + "/kickoff/complete").then().statusCode(200);
        Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        manager(partner).body(Map.of("startsAt", start.toString(), "durationMinutes", 120)).post(base + "/workshop").then().statusCode(200);

        VEvent first = event(partner, base + "/workshop.ics");
        assertEquals("0", prop(first, "SEQUENCE"));
        assertEquals("CONFIRMED", prop(first, "STATUS"));
        assertTrue(prop(first, "SUMMARY").contains("Contoso Ltd"));
        assertEquals(start.toString().replace("-", "").replace(":", ""), prop(first, "DTSTART"));

        manager(partner).body(Map.of("startsAt", start.plus(1, ChronoUnit.DAYS).toString(), "durationMinutes", 90, "reason", "CIO travelling"))
                .post(base + "/workshop/reschedule").then().statusCode(200);
        VEvent moved = event(partner, base + "/workshop.ics");
        assertEquals(prop(first, "UID"), prop(moved, "UID"));
        assertTrue(Integer.parseInt(prop(moved, "SEQUENCE")) > Integer.parseInt(prop(first, "SEQUENCE")));
        assertEquals("PT1H30M", prop(moved, "DURATION"));

        manager(partner).body(Map.of("reason", "postponed")).post(base + "/workshop/cancel").then().statusCode(200);
        VEvent cancelled = event(partner, base + "/workshop.ics");
        assertEquals("CANCELLED", prop(cancelled, "STATUS"));
        assertEquals("2", prop(cancelled, "SEQUENCE"));

        manager(Api.partner()).accept("text/calendar").get(base + "/workshop.ics").then().statusCode(404);
    }

    @Test
    void theCheckInSeriesCarriesAnRruleFromTheCadence() throws Exception {
        String partner = Api.partner();
        String id = Api.create(partner, engagement("Contoso Ltd", 2_000, false, "TEAMS"));
        String base = "/api/v1/engagements/" + id;
        manager(partner).accept("text/calendar").get(base + "/check-ins.ics").then().statusCode(404);
        LocalDate next = LocalDate.now().plusDays(7);
        manager(partner).body(Map.of("cadence", "BIWEEKLY", "nextDate", next.toString())).post(base + "/check-ins").then().statusCode(200);

        VEvent series = event(partner, base + "/check-ins.ics");
        assertEquals("FREQ=WEEKLY;INTERVAL=2", prop(series, "RRULE"));
        assertEquals(next.toString().replace("-", ""), prop(series, "DTSTART"));
        assertEquals("0", prop(series, "SEQUENCE"));

        manager(partner).body(Map.of("cadence", "MONTHLY", "nextDate", next.plusDays(3).toString())).post(base + "/check-ins").then().statusCode(200);
        VEvent moved = event(partner, base + "/check-ins.ics");
        assertEquals("FREQ=MONTHLY", prop(moved, "RRULE"));
        assertEquals("1", prop(moved, "SEQUENCE"));
        assertEquals(prop(series, "UID"), prop(moved, "UID"));
    }
}
