package com.successworkshop.ssat.rest;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.ssat.application.MeasureSuccess;
import com.successworkshop.ssat.application.SsatViews.MeasurementInput;
import com.successworkshop.ssat.application.SsatViews.MeasurementView;
import com.successworkshop.ssat.application.SsatViews.MetricInput;
import com.successworkshop.ssat.application.SsatViews.MetricView;
import com.successworkshop.ssat.application.SsatViews.SuccessReviewReadiness;
import com.successworkshop.ssat.application.SuccessMetricQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Success metrics", description = "Metrics, targets and measurements per intended service (playbook: Measuring success)")
public class SuccessMetricResource {

    @Inject
    MeasureSuccess measure;
    @Inject
    SuccessMetricQueries queries;
    @Inject
    IdempotencyService idempotency;
    @Inject
    CurrentPartner caller;

    @POST
    @Path("/success-metrics")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "createSuccessMetric", summary = "Define a success metric of an intended service: baseline, target, due date, owner")
    public RestResponse<MetricView> create(@PathParam("id") UUID id, @NotNull @Valid MetricInput request, @BeanParam Creation creation) {
        return Responses.created(idempotency, caller.partnerId() + ":createSuccessMetric:" + id, creation, request, () -> measure.defineMetric(id, request), MetricView::id);
    }

    @GET
    @Path("/success-metrics")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listSuccessMetrics", summary = "The engagement's success metrics with their latest value and progress")
    public PageView<MetricView> list(@PathParam("id") UUID id) {
        List<MetricView> items = queries.list(id).orElseThrow(() -> ProblemException.notFound("SSAT matrix of engagement " + id));
        return new PageView<>(items, 0, items.size(), items.size());
    }

    @GET
    @Path("/success-metrics/{metricId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessMetric", summary = "One success metric with its ETag, latest value and progress")
    public RestResponse<MetricView> get(@PathParam("id") UUID id, @PathParam("metricId") UUID metricId) {
        return Responses.ok(queries.get(id, metricId));
    }

    @PUT
    @Path("/success-metrics/{metricId}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "updateSuccessMetric", summary = "Change a success metric (If-Match required)")
    public RestResponse<MetricView> update(@PathParam("id") UUID id, @PathParam("metricId") UUID metricId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid MetricInput request) {
        return Responses.ok(measure.redefineMetric(id, metricId, ifMatch, request));
    }

    @DELETE
    @Path("/success-metrics/{metricId}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "deleteSuccessMetric", summary = "Delete a success metric and its measurements (If-Match required)")
    public RestResponse<Void> delete(@PathParam("id") UUID id, @PathParam("metricId") UUID metricId, @HeaderParam("If-Match") String ifMatch) {
        measure.deleteMetric(id, metricId, ifMatch);
        return RestResponse.noContent();
    }

    @POST
    @Path("/success-metrics/{metricId}/measurements")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "addMeasurement", summary = "Record a measured value (e.g. from the M365 usage reports)")
    public RestResponse<MeasurementView> addMeasurement(@PathParam("id") UUID id, @PathParam("metricId") UUID metricId, @NotNull @Valid MeasurementInput request, @BeanParam Creation creation) {
        return Responses.created(idempotency, caller.partnerId() + ":addMeasurement:" + metricId, creation, request, () -> measure.recordMeasurement(id, metricId, request), MeasurementView::id);
    }

    @GET
    @Path("/success-metrics/{metricId}/measurements")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listMeasurements", summary = "Measurements of a metric, newest first")
    public PageView<MeasurementView> measurements(@PathParam("id") UUID id, @PathParam("metricId") UUID metricId,
                                                  @Valid @BeanParam PageRequest paging) {
        return queries.measurements(id, metricId, paging.page(), paging.size());
    }

    @GET
    @Path("/success-review-readiness")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessReviewReadiness", summary = "Whether the success review is due: >= 10 % active usage on every intended service")
    public SuccessReviewReadiness successReviewReadiness(@PathParam("id") UUID id) {
        return queries.successReviewReadiness(id);
    }
}
