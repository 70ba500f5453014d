package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementViews.CheckInView;
import com.successworkshop.engagement.application.EngagementViews.HoldCheckIn;
import com.successworkshop.engagement.application.HoldCheckIns;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public RestResponse<CheckInView> hold(@PathParam("id") UUID id, @NotNull @Valid HoldCheckIn request, @BeanParam Creation creation) {
        return Responses.created(idempotency, caller.partnerId() + ":recordCheckIn:" + id, creation, request,
                () -> checkIns.hold(id, request), CheckInView::id);
    }

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listCheckInsHeld", summary = "Check-ins held, newest first")
    public PageView<CheckInView> list(@PathParam("id") UUID id,
                                      @Valid @BeanParam PageRequest paging) {
        return checkIns.list(id, paging.page(), paging.size());
    }

    @GET
    @Path("/{checkInId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getCheckInHeld", summary = "One check-in held, with what it reviewed")
    public CheckInView get(@PathParam("id") UUID id, @PathParam("checkInId") UUID checkInId) {
        return checkIns.get(id, checkInId);
    }
}
