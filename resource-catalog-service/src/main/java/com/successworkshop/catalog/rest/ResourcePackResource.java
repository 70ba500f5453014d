package com.successworkshop.catalog.rest;

import com.successworkshop.catalog.application.ResourcePacks;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.successworkshop.catalog.application.ResourceViews.ResourcePackView;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/engagements/{id}/resource-pack")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resource packs", description = "The resources that fit an engagement's intended services, eligibility and phase")
public class ResourcePackResource {

    @Inject
    ResourcePacks packs;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getResourcePack", summary = "An engagement's resource pack, grouped by playbook section, with why each resource is in it")
    public RestResponse<ResourcePackView> get(@PathParam("id") UUID id) {
        return packs.pack(id).map(p -> Responses.tagged(p.view(), p.etag()))
                .orElseThrow(() -> ProblemException.notFound("Resource pack of engagement " + id));
    }
}
