package com.successworkshop.ssat.rest;

import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.ssat.application.CaptureSsat;
import com.successworkshop.ssat.application.SsatMatrixQueries;
import com.successworkshop.ssat.application.SsatViews.GapView;
import com.successworkshop.ssat.application.SsatViews.MarkNoPrerequisites;
import com.successworkshop.ssat.application.SsatViews.SnapshotView;
import com.successworkshop.ssat.application.SsatViews.UpdateFactor;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.Workload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.successworkshop.ssat.application.SsatViews.MatrixView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/engagements/{id}/ssat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SSAT", description = "Stakeholders, Scenarios, Awareness, Training per intended service (playbook: Capture SSAT)")
public class SsatResource {

    @Inject
    SsatMatrixQueries queries;
    @Inject
    CaptureSsat capture;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSsatMatrix", summary = "The SSAT matrix with readiness and gaps, with its ETag")
    public RestResponse<MatrixView> get(@PathParam("id") UUID id) {
        return queries.find(id).map(Responses::ok).orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + id));
    }

    @PUT
    @Path("/{service}/{factor}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "updateSsatFactor",
            summary = "Set one success factor of a service (If-Match required); publishes SsatFactorUpdated and SsatReadinessChanged")
    public RestResponse<MatrixView> updateFactor(@PathParam("id") UUID id, @PathParam("service") @Parameter(schema = @Schema(implementation = Workload.class)) String workload, @PathParam("factor") @Parameter(schema = @Schema(implementation = SsatFactor.class)) String factor,
                                 @HeaderParam("If-Match") String ifMatch, @NotNull @Valid UpdateFactor request) {
        Workload w = Params.enumValue(Workload.class, workload, "service");
        SsatFactor f = Params.enumValue(SsatFactor.class, factor, "factor");
        return Responses.ok(capture.updateFactor(id, w, f, ifMatch, request));
    }

    @PUT
    @Path("/{service}/no-prerequisites")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "markNoPrerequisites",
            summary = "Record why the customer has no adoption prerequisites for a service (If-Match required); it then counts as recorded")
    public RestResponse<MatrixView> markNoPrerequisites(@PathParam("id") UUID id, @PathParam("service") @Parameter(schema = @Schema(implementation = Workload.class)) String workload,
                                        @HeaderParam("If-Match") String ifMatch, @NotNull @Valid MarkNoPrerequisites request) {
        return Responses.ok(capture.markNoPrerequisites(id, Params.enumValue(Workload.class, workload, "service"), ifMatch, request.reason()));
    }

    @DELETE
    @Path("/{service}/no-prerequisites")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "clearNoPrerequisites", summary = "Withdraw the 'no adoption prerequisites' mark of a service (If-Match required)")
    public RestResponse<MatrixView> clearNoPrerequisites(@PathParam("id") UUID id, @PathParam("service") @Parameter(schema = @Schema(implementation = Workload.class)) String workload,
                                         @HeaderParam("If-Match") String ifMatch) {
        return Responses.ok(capture.clearNoPrerequisites(id, Params.enumValue(Workload.class, workload, "service"), ifMatch));
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listSsatGaps", summary = "Every factor in GAP_IDENTIFIED on an intended (not retired) service")
    public List<GapView> gaps(@PathParam("id") UUID id) {
        return queries.gaps(id).orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + id));
    }

    @GET
    @Path("/snapshot")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSsatSnapshot", summary = "The matrix as it stood when the workshop completed (404 until then)")
    public SnapshotView snapshot(@PathParam("id") UUID id) {
        return queries.snapshot(id);
    }
}
