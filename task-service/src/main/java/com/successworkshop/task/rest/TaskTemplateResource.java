package com.successworkshop.task.rest;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.task.application.TaskViews.ImportReport;
import com.successworkshop.task.application.TaskViews.TemplateInput;
import com.successworkshop.task.application.TaskViews.TemplateView;
import com.successworkshop.task.application.TemplateFile;
import com.successworkshop.task.application.TemplateService;
import com.successworkshop.task.domain.TemplateCriteria;
import com.successworkshop.task.domain.TemplateStatus;
import com.successworkshop.task.domain.Workload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/task-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Task templates", description = "The FTOP task catalog, versioned: a published version never changes")
public class TaskTemplateResource {

    @Inject
    TemplateService templates;
    @Inject
    IdempotencyService idempotency;

    @GET
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.OPS})
    @Operation(operationId = "listTaskTemplates", summary = "List task templates (latest versions unless allVersions=true), filtered and paged")
    public PageView<TemplateView> list(@QueryParam("service") @Parameter(description = "workload code, e.g. OD; all-services templates match every code", schema = @Schema(implementation = Workload.class)) String service,
                                       @QueryParam("section") @Parameter(description = "playbook section, e.g. Value-Add Discussions") String section,
                                       @QueryParam("mandatory") @Parameter(description = "true = M, false = O") Boolean mandatory,
                                       @QueryParam("role") @Parameter(description = "FastTrack role, e.g. FastTrack Manager") String role,
                                       @QueryParam("status") @Parameter(description = "DRAFT, PUBLISHED, RETIRED", schema = @Schema(implementation = TemplateStatus.class)) String status,
                                       @QueryParam("process") @Parameter(description = "playbook process, e.g. assess-conduct-customer-success-workshop-partner") String process,
                                       @QueryParam("ftopTaskId") Integer ftopTaskId,
                                       @QueryParam("allVersions") @DefaultValue("false") boolean allVersions,
                                       @Valid @BeanParam PageRequest paging) {
        var criteria = new TemplateCriteria(Params.enumValue(Workload.class, service, "service"), section, mandatory, role,
                Params.enumValue(TemplateStatus.class, status, "status"), process, ftopTaskId, allVersions);
        return templates.list(criteria, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.OPS})
    @Operation(operationId = "getTaskTemplate", summary = "Get one template version with its ETag")
    public RestResponse<TemplateView> get(@PathParam("id") UUID id) {
        return templates.find(id).map(Responses::ok).orElseThrow(() -> ProblemException.notFound("Task template " + id));
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "createTaskTemplate", summary = "Create a DRAFT template (version 1)")
    public RestResponse<TemplateView> create(@NotNull @Valid TemplateInput request, @BeanParam Creation creation) {
        return Responses.created(idempotency, "createTaskTemplate", creation, request, () -> templates.createDraft(request), TemplateView::id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "editTaskTemplate", summary = "Edit a template (If-Match required): a DRAFT changes in place, a published version gets a new DRAFT version")
    @APIResponse(responseCode = "200", description = "The DRAFT, changed in place", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "201", description = "A new DRAFT version of a published template, at Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)),
            headers = @Header(name = "Location", description = "The new version", schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<TemplateView> edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TemplateInput request, UriInfo uri) {
        TemplateView v = templates.edit(id, ifMatch, request);
        if (v.id().equals(id)) {
            return Responses.ok(v);
        }
        return RestResponse.ResponseBuilder.<TemplateView>create(RestResponse.Status.CREATED).entity(v).tag(String.valueOf(v.version()))
                .location(uri.getBaseUriBuilder().path("api/v1/task-templates").path(v.id().toString()).build()).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "publishTaskTemplate", summary = "Publish a DRAFT (If-Match required); the previously published version is retired")
    public RestResponse<TemplateView> publish(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(required = true) String ifMatch) {
        return Responses.ok(templates.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "retireTaskTemplate", summary = "Retire a template version (If-Match required); running engagements keep their tasks")
    public RestResponse<TemplateView> retire(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(required = true) String ifMatch) {
        return Responses.ok(templates.retire(id, ifMatch));
    }

    @POST
    @Path("/import")
    @Consumes({"text/tab-separated-values", "text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "importTaskTemplates", summary = "Import the FTOP task export (TSV or CSV): every row is validated first; all rows are written in one transaction or none")
    public ImportReport importFile(@HeaderParam("Content-Type") String contentType,
                                   @QueryParam("format") @Parameter(description = "TSV or CSV; by default from the Content-Type, else sniffed", schema = @Schema(implementation = TemplateFile.Format.class)) String format,
                                   String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "the file is empty");
        }
        TemplateFile.Format f = format != null && !format.isBlank() ? Params.enumValue(TemplateFile.Format.class, format, "format")
                : TemplateFile.detect(contentType, body);
        try {
            return templates.importFile(body, f);
        } catch (DomainException.InvalidInput e) {
            throw TaskProblems.importInvalid(e);
        }
    }
}
