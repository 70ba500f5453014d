package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementViews.CheckInView;
import com.successworkshop.engagement.application.EngagementViews.HoldCheckIn;
import com.successworkshop.engagement.application.EngagementViews.PageView;
import com.successworkshop.engagement.application.HoldCheckIns;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/engagements/{id}/check-ins/held")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins", description = "Regular check-ins after the workshop that review the success checklist and the plan's actions (playbook: Next steps)")
public class CheckInResource {

    @Inject
    HoldCheckIns checkIns;
    @Inject
    IdempotencyService idempotency;
    @Inject
    CurrentPartner caller;

    @POST
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "recordCheckIn", summary = "Record a check-in that took place: attendees, notes, decisions and the plan and checklist it reviewed; the next one follows the cadence")
    public RestResponse<CheckInView> hold(@PathParam("id") UUID id, @NotNull @Valid HoldCheckIn request,
                                          @Parameter(description = "A retry with the same key returns the first response and records nothing") @HeaderParam("Idempotency-Key") String idempotencyKey,
                                          UriInfo uri) {
        return Responses.created(idempotency, caller.partnerId() + ":recordCheckIn:" + id, idempotencyKey, request, uri,
                () -> checkIns.hold(id, request), CheckInView::id);
    }

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listCheckInsHeld", summary = "Check-ins held, newest first")
    public PageView<CheckInView> list(@PathParam("id") UUID id,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Params.MAX_PAGE_SIZE) int size) {
        return checkIns.list(id, page, size);
    }

    @GET
    @Path("/{checkInId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getCheckInHeld", summary = "One check-in held, with what it reviewed")
    public CheckInView get(@PathParam("id") UUID id, @PathParam("checkInId") UUID checkInId) {
        return checkIns.get(id, checkInId);
    }
}
