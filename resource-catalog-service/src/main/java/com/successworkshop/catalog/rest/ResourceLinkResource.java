package com.successworkshop.catalog.rest;

import com.successworkshop.catalog.application.ResourceCatalog;
import com.successworkshop.catalog.application.ResourceViews.ResourceInput;
import com.successworkshop.catalog.application.ResourceViews.ResourceView;
import com.successworkshop.catalog.application.ResourceViews.RetireResource;
import com.successworkshop.catalog.domain.Audience;
import com.successworkshop.catalog.domain.PlaybookSection;
import com.successworkshop.catalog.domain.ResourceCriteria;
import com.successworkshop.catalog.domain.ResourceKind;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.catalog.domain.Workload;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "The playbook's resource links: decks, guides, checklists, templates, portals, demos, kits and forms")
public class ResourceLinkResource {

    private static final Map<String, String> SORTABLE = Map.of("title", "lower(title)", "section", "section", "kind", "kind",
            "createdAt", "created_at", "updatedAt", "updated_at", "language", "language", "status", "status");

    @Inject
    ResourceCatalog catalog;
    @Inject
    IdempotencyService idempotency;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.CATALOG_ADMIN, Roles.OPS})
    @Operation(operationId = "listResources", summary = "List resource links, filtered, sorted and paged")
    public PageView<ResourceView> list(@QueryParam("section") @Parameter(description = "playbook section, e.g. CAPTURE_SSAT", schema = @Schema(implementation = PlaybookSection.class)) String section,
                                       @QueryParam("service") @Parameter(description = "workload code, e.g. OD; resources for all services match too", schema = @Schema(implementation = Workload.class)) String workload,
                                       @QueryParam("audience") @Parameter(description = "FASTTRACK_MANAGER, CUSTOMER, PARTNER", schema = @Schema(implementation = Audience.class)) String audience,
                                       @QueryParam("kind") @Parameter(description = "DECK, GUIDE, CHECKLIST, TEMPLATE, PORTAL, DEMO, KIT, FORM", schema = @Schema(implementation = ResourceKind.class)) String kind,
                                       @QueryParam("language") @Parameter(description = "language tag, e.g. en") String language,
                                       @QueryParam("status") @Parameter(description = "ACTIVE or RETIRED; both when absent", schema = @Schema(implementation = ResourceStatus.class)) String status,
                                       @QueryParam("tag") String tag,
                                       @QueryParam("q") @Parameter(description = "text in the title (English or Japanese) or description") String text,
                                       @QueryParam("sort") @Parameter(description = "title|section|kind|language|status|createdAt|updatedAt[,asc|desc]; default section, title") String sort,
                                       @Valid @BeanParam PageRequest paging) {
        if (text != null && text.length() > 200) {
            throw ProblemException.invalid("q", "at most 200 characters");
        }
        var criteria = new ResourceCriteria(Params.enumValue(PlaybookSection.class, section, "section"),
                Params.enumValue(Workload.class, workload, "service"), Params.enumValue(Audience.class, audience, "audience"),
                Params.enumValue(ResourceKind.class, kind, "kind"), language, Params.enumValue(ResourceStatus.class, status, "status"),
                tag, text);
        return catalog.list(criteria, Params.orderBy(sort, SORTABLE, "section asc, lower(title) asc, id"), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.CATALOG_ADMIN, Roles.OPS})
    @Operation(operationId = "getResource", summary = "Get one resource link with its ETag; a retired one names its replacement")
    public RestResponse<ResourceView> get(@PathParam("id") UUID id) {
        return catalog.find(id).map(Responses::ok).orElseThrow(() -> ProblemException.notFound("Resource " + id));
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "createResource", summary = "Add a resource link; publishes ResourcePublished")
    public RestResponse<ResourceView> create(@NotNull @Valid ResourceInput request, @BeanParam Creation creation) {
        return Responses.created(idempotency, "createResource", creation, request, () -> catalog.publish(request), ResourceView::id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "updateResource", summary = "Replace a resource link's fields (If-Match required); publishes ResourceUpdated")
    public RestResponse<ResourceView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ResourceInput request) {
        return Responses.ok(catalog.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "retireResource", summary = "Retire a resource link with a reason and optional replacement (If-Match required); publishes ResourceRetired")
    public RestResponse<ResourceView> retire(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(required = true) String ifMatch, @NotNull @Valid RetireResource request) {
        return Responses.ok(catalog.retire(id, ifMatch, request));
    }
}
