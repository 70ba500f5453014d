package com.successworkshop.ssat.rest;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.ssat.application.SsatMatrixQueries;
import com.successworkshop.ssat.application.SsatViews.EngagementReadinessView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/ssat/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SSAT", description = "Stakeholders, Scenarios, Awareness, Training per intended service (playbook: Capture SSAT)")
public class ReadinessResource {

    @Inject
    SsatMatrixQueries queries;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "listSsatReadiness", summary = "SSAT readiness of many engagements at once, for dashboards (the caller's partner only)")
    public PageView<EngagementReadinessView> list(
            @QueryParam("engagementId") @Parameter(description = "repeat for several, at most 200; none = all of the caller's engagements") List<String> engagementIds,
            @Valid @BeanParam PageRequest paging) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (engagementIds != null) {
            for (String raw : engagementIds) {
                for (String one : raw.split(",")) {
                    if (!one.isBlank()) {
                        try {
                            ids.add(UUID.fromString(one.trim()));
                        } catch (IllegalArgumentException e) {
                            throw ProblemException.invalid("engagementId", "'" + one.trim() + "' is not a UUID");
                        }
                    }
                }
            }
        }
        if (ids.size() > Params.MAX_PAGE_SIZE) {
            throw ProblemException.invalid("engagementId", "at most " + Params.MAX_PAGE_SIZE + " engagements per request");
        }
        return queries.readiness(ids, paging.page(), paging.size());
    }
}
