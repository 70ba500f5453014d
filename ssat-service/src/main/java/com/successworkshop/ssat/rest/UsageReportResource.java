package com.successworkshop.ssat.rest;

import com.successworkshop.kit.http.BodyLimitFilter;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.ssat.application.ImportUsageReport;
import com.successworkshop.ssat.application.UsageReportViews.UsageReportImport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/engagements/{id}/success-metrics/usage-reports")
@Tag(name = "Success metrics")
public class UsageReportResource {

    static final String CSV = "text/csv";
    static final String EXAMPLE = """
            Report Refresh Date,Exchange Active,Exchange Inactive,OneDrive Active,OneDrive Inactive,SharePoint Active,SharePoint Inactive,Skype For Business Active,Skype For Business Inactive,Yammer Active,Yammer Inactive,Teams Active,Teams Inactive,Office 365 Active,Office 365 Inactive,Report Period
            2026-11-30,21840,2160,9120,14880,7680,16320,0,0,240,23760,10560,13440,22080,1920,30
            """;

    @Inject
    ImportUsageReport imports;
    @Inject
    BodyLimitFilter limits;

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "importUsageReport", summary = "Import a Microsoft 365 usage report (CSV of getOffice365ServicesUserCounts or getOffice365ActiveUserDetail) as measurements of the ACTIVE_USAGE_PERCENT metrics: all or nothing, a bad line named, the same report twice adds nothing")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), example = EXAMPLE))
    public RestResponse<UsageReportImport> importReport(@PathParam("id") UUID id,
                                                        @QueryParam("periodDays") @DefaultValue("30") @Min(1) @Max(180)
                                                        @Parameter(description = "The period the per-user report (getOffice365ActiveUserDetail) was exported for: a user is active with an activity in it. The counts report names its own period.")
                                                        int periodDays,
                                                        byte[] csv, UriInfo uri) {
        long limit = limits.limit(uri.getRequestUri().getPath());
        if (csv != null && csv.length > limit) {
            throw new ProblemException(BodyLimitFilter.tooLarge(limit));
        }
        return RestResponse.ok(imports.importReport(id, csv == null ? new byte[0] : csv, periodDays));
    }
}
