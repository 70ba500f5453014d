package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementCalendar;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/engagements/{id}")
@Tag(name = "Check-ins")
public class CalendarResource {

    static final String CALENDAR = "text/calendar";
    static final String EXAMPLE = "BEGIN:VCALENDAR\r\nPRODID:-//Success Workshop platform//engagement-service//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n"
            + "METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nDTSTAMP:20261204T090000Z\r\nDTSTART;VALUE=DATE:20270115\r\nSUMMARY:Success plan check-in — Contoso Ltd\r\n"
            + "UID:check-ins-3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01@successworkshop\r\nSEQUENCE:1\r\nRRULE:FREQ=WEEKLY;INTERVAL=2\r\nSTATUS:CONFIRMED\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";

    @Inject
    EngagementCalendar calendar;

    @GET
    @Path("/workshop.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getWorkshopCalendar", summary = "The success workshop as iCalendar: SEQUENCE rises with every reschedule, STATUS:CANCELLED (METHOD:CANCEL) when cancelled")
    @APIResponse(responseCode = "200", description = "An iCalendar file", content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING), example = EXAMPLE))
    public Response workshop(@PathParam("id") UUID id) {
        return file(calendar.workshop(id), "success-workshop-" + id + ".ics");
    }

    @GET
    @Path("/check-ins.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getCheckInCalendar", summary = "The agreed check-ins as one iCalendar series: RRULE from the cadence, SEQUENCE rises when the series moves")
    @APIResponse(responseCode = "200", description = "An iCalendar file", content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING), example = EXAMPLE))
    public Response checkIns(@PathParam("id") UUID id) {
        return file(calendar.checkIns(id), "check-ins-" + id + ".ics");
    }

    private static Response file(String ics, String name) {
        return Response.ok(ics, CALENDAR + ";charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
