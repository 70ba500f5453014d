package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.DetermineEligibility;
import com.successworkshop.engagement.application.EngagementQueries;
import com.successworkshop.engagement.application.EngagementViews.CheckInsView;
import com.successworkshop.engagement.application.EngagementViews.CreateEngagement;
import com.successworkshop.engagement.application.EngagementViews.EligibilityView;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.IntendedServiceInput;
import com.successworkshop.engagement.application.EngagementViews.ScheduleCheckIns;
import com.successworkshop.engagement.application.EngagementViews.ServiceStatusUpdate;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.EngagementViews.UpdateEngagement;
import com.successworkshop.engagement.application.RecordEngagement;
import com.successworkshop.engagement.application.ScheduleRegularCheckIns;
import com.successworkshop.engagement.application.TrackIntendedServices;
import com.successworkshop.engagement.domain.EngagementCriteria;
import com.successworkshop.engagement.domain.EngagementPhase;
import com.successworkshop.engagement.domain.EngagementStatus;
import com.successworkshop.engagement.domain.Workload;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "FastTrack engagements in which a success workshop runs")
public class EngagementResource {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "customerName", "licenceCount");

    @Inject
    RecordEngagement record;
    @Inject
    TrackIntendedServices services;
    @Inject
    DetermineEligibility eligibility;
    @Inject
    ScheduleRegularCheckIns regularCheckIns;
    @Inject
    EngagementQueries queries;
    @Inject
    IdempotencyService idempotency;
    @Inject
    CurrentPartner caller;

    @POST
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "createEngagement", summary = "Create an engagement; eligibility is decided at once and EngagementCreated is published")
    public RestResponse<EngagementView> create(@NotNull @Valid CreateEngagement request, @BeanParam Creation creation) {
        return Responses.created(idempotency, caller.partnerId() + ":createEngagement", creation, request, () -> record.create(request), EngagementView::id);
    }

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listEngagements", summary = "List the caller's engagements, filtered and paged")
    public PageView<EngagementView> list(@QueryParam("status") @Parameter(description = "ON_HOLD, REACTIVE, FULLY_ENGAGED", schema = @Schema(implementation = EngagementStatus.class)) String status,
                                         @QueryParam("phase") @Parameter(description = "INITIATE … SUCCESS", schema = @Schema(implementation = EngagementPhase.class)) String phase,
                                         @QueryParam("service") @Parameter(description = "workload code, e.g. OD", schema = @Schema(implementation = Workload.class)) String workload,
                                         @QueryParam("fastTrackManager") String fastTrackManager,
                                         @QueryParam("q") @Parameter(description = "text in the customer name or tenant id") String text,
                                         @QueryParam("sort") @Parameter(description = "createdAt|updatedAt|customerName|licenceCount[,asc|desc]") String sort,
                                         @Valid @BeanParam PageRequest paging) {
        var criteria = new EngagementCriteria(Params.enumValue(EngagementStatus.class, status, "status"),
                Params.enumValue(EngagementPhase.class, phase, "phase"), Params.enumValue(Workload.class, workload, "service"),
                fastTrackManager, text);
        return queries.list(criteria, Params.sort(sort, SORTABLE, "createdAt"), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getEngagement", summary = "Get one engagement with its ETag")
    public RestResponse<EngagementView> get(@PathParam("id") UUID id) {
        return queries.rendered(id).map(Responses::ok).orElseThrow(() -> ProblemException.notFound("Engagement " + id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "updateEngagement", summary = "Change fields of an engagement (If-Match required); licence or enterprise changes re-decide eligibility")
    public RestResponse<EngagementView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid UpdateEngagement request) {
        return Responses.ok(record.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/intended-services")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "addIntendedService", summary = "Add a service the customer intends to deploy; publishes IntendedServicesChanged")
    public RestResponse<EngagementView> addService(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid IntendedServiceInput request) {
        return Responses.ok(services.add(id, ifMatch, request));
    }

    @PUT
    @Path("/{id}/intended-services/{workload}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "updateIntendedService", summary = "Set the FTOP Services-tab status of an intended service (If-Match required)")
    public RestResponse<EngagementView> updateService(@PathParam("id") UUID id, @PathParam("workload") @Parameter(schema = @Schema(implementation = Workload.class)) String workload, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid ServiceStatusUpdate request) {
        return Responses.ok(services.updateStatus(id, Params.enumValue(Workload.class, workload, "workload"), ifMatch, request));
    }

    @DELETE
    @Path("/{id}/intended-services/{workload}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "removeIntendedService", summary = "Retire an intended service (kept, marked removed); publishes IntendedServicesChanged")
    public RestResponse<EngagementView> removeService(@PathParam("id") UUID id, @PathParam("workload") @Parameter(schema = @Schema(implementation = Workload.class)) String workload, @HeaderParam("If-Match") String ifMatch) {
        return Responses.ok(services.remove(id, Params.enumValue(Workload.class, workload, "workload"), ifMatch));
    }

    @GET
    @Path("/{id}/eligibility")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getEligibilityHistory", summary = "Eligibility decisions for enterprise adoption benefits, newest first")
    public List<EligibilityView> eligibility(@PathParam("id") UUID id) {
        return queries.eligibilityHistory(id).orElseThrow(() -> ProblemException.notFound("Engagement " + id));
    }

    @POST
    @Path("/{id}/eligibility/decisions")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "decideEligibility", summary = "Decide eligibility again with the current rules; publishes EligibilityDetermined")
    public RestResponse<EngagementView> decide(@PathParam("id") UUID id) {
        return Responses.ok(eligibility.decideAgain(id));
    }

    @POST
    @Path("/{id}/check-ins")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "scheduleCheckIns", summary = "Agree regular check-ins (cadence, next date, attendees); publishes CheckInScheduled")
    public RestResponse<EngagementView> scheduleCheckIns(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ScheduleCheckIns request) {
        return Responses.ok(regularCheckIns.schedule(id, ifMatch, request));
    }

    @GET
    @Path("/{id}/check-ins")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listUpcomingCheckIns", summary = "The agreed cadence and the next check-in dates")
    public CheckInsView checkIns(@PathParam("id") UUID id, @QueryParam("count") @DefaultValue("6") @Min(1) @Max(52) int count) {
        return queries.checkIns(id, count).orElseThrow(() -> ProblemException.notFound("Engagement " + id));
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getTimeline", summary = "Every change of the engagement, oldest first: who, when, what")
    public PageView<TimelineEntryView> timeline(@PathParam("id") UUID id,
                                                @Valid @BeanParam PageRequest paging) {
        return queries.timeline(id, paging.page(), paging.size()).orElseThrow(() -> ProblemException.notFound("Engagement " + id));
    }
}
