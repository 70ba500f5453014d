package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementOverview;
import com.successworkshop.engagement.application.EngagementViews.Overview;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/engagements/{id}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements")
public class OverviewResource {

    @Inject
    EngagementOverview overview;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getEngagementOverview",
            summary = "One screen of an engagement: services, SSAT readiness, task progress, eligibility, next check-in, DIBS risks — from read models, no calls to other services")
    public Overview get(@PathParam("id") UUID id) {
        return overview.overview(id).orElseThrow(() -> ProblemException.notFound("Engagement " + id));
    }
}
