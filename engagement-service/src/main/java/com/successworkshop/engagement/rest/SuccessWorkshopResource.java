package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.ConductSuccessWorkshop;
import com.successworkshop.engagement.application.EngagementViews.CancelWorkshop;
import com.successworkshop.engagement.application.EngagementViews.CompleteWorkshop;
import com.successworkshop.engagement.application.EngagementViews.RescheduleWorkshop;
import com.successworkshop.engagement.application.EngagementViews.ScheduleWorkshop;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Commands on the success workshop. If-Match is optional here; when sent, a stale one is a 412. */
@Path("/api/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FASTTRACK_MANAGER)
@Tag(name = "Success workshop", description = "Kickoff, scheduling and completion of the customer success workshop")
public class SuccessWorkshopResource {

    @Inject
    ConductSuccessWorkshop service;

    @POST
    @Path("/kickoff/complete")
    @Operation(operationId = "completeKickoff", summary = "Record that the customer kickoff meeting is complete (a prerequisite of the workshop)")
    public RestResponse<EngagementView> completeKickoff(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return Responses.ok(service.completeKickoff(id, ifMatch));
    }

    @POST
    @Path("/workshop")
    @Operation(operationId = "scheduleWorkshop", summary = "Schedule the success workshop; 409 unless kickoff is complete and the customer is not in the enterprise adoption benefit program")
    public RestResponse<EngagementView> schedule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ScheduleWorkshop request) {
        return Responses.ok(service.schedule(id, ifMatch, request));
    }

    @POST
    @Path("/workshop/reschedule")
    @Operation(operationId = "rescheduleWorkshop", summary = "Move the scheduled workshop")
    public RestResponse<EngagementView> reschedule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid RescheduleWorkshop request) {
        return Responses.ok(service.reschedule(id, ifMatch, request));
    }

    @POST
    @Path("/workshop/cancel")
    @Operation(operationId = "cancelWorkshop", summary = "Cancel the scheduled workshop with a reason")
    public RestResponse<EngagementView> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CancelWorkshop request) {
        return Responses.ok(service.cancel(id, ifMatch, request));
    }

    @POST
    @Path("/workshop/complete")
    @Operation(operationId = "completeWorkshop", summary = "Complete the workshop with its outcomes; 409 listing the services whose SSAT is not recorded")
    public RestResponse<EngagementView> complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CompleteWorkshop request) {
        return Responses.ok(service.complete(id, ifMatch, request));
    }
}
