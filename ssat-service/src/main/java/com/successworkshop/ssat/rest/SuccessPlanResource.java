package com.successworkshop.ssat.rest;

import com.successworkshop.kit.http.Creation;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.idempotency.IdempotencyService;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.ssat.application.PlanViews.ActionInput;
import com.successworkshop.ssat.application.PlanViews.ActionView;
import com.successworkshop.ssat.application.PlanViews.ChecklistItemChange;
import com.successworkshop.ssat.application.PlanViews.ChecklistView;
import com.successworkshop.ssat.application.PlanViews.PlanView;
import com.successworkshop.ssat.application.PlanViews.StatusChange;
import com.successworkshop.ssat.application.SuccessPlanDocument;
import com.successworkshop.ssat.application.SuccessPlanning;
import com.successworkshop.ssat.domain.ActionStatus;
import com.successworkshop.ssat.domain.ChecklistItem;
import com.successworkshop.ssat.domain.OwnerRole;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/engagements/{id}/success-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Success plan", description = "The customer's success plan: actions and owners (SSAT gaps propose them) and the success-plan checklist (playbook: Outcomes, Next steps)")
public class SuccessPlanResource {

    static final String MARKDOWN = "text/markdown";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    SuccessPlanning planning;
    @Inject
    SuccessPlanDocument documents;
    @Inject
    IdempotencyService idempotency;
    @Inject
    CurrentPartner caller;

    @GET
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessPlan", summary = "The success plan: its progress, its actions (filterable) and the checklist's completeness")
    public PlanView plan(@PathParam("id") UUID id,
                         @QueryParam("status") @Parameter(schema = @Schema(implementation = ActionStatus.class)) String status,
                         @QueryParam("ownerRole") @Parameter(schema = @Schema(implementation = OwnerRole.class)) String ownerRole) {
        return planning.plan(id, status == null ? null : Params.enumValue(ActionStatus.class, status, "status"),
                ownerRole == null ? null : Params.enumValue(OwnerRole.class, ownerRole, "ownerRole"));
    }

    @POST
    @Path("/actions")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "addSuccessPlanAction", summary = "Add an action to the plan (NOT_STARTED): what, for which service and factor, owner, due date")
    public RestResponse<ActionView> add(@PathParam("id") UUID id, @NotNull @Valid ActionInput request, @BeanParam Creation creation) {
        return Responses.created(idempotency, caller.partnerId() + ":addSuccessPlanAction:" + id, creation, request,
                () -> planning.addAction(id, request), ActionView::id);
    }

    @GET
    @Path("/actions/{actionId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessPlanAction", summary = "One action with its ETag")
    public RestResponse<ActionView> get(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId) {
        return Responses.ok(planning.action(id, actionId));
    }

    @PUT
    @Path("/actions/{actionId}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "updateSuccessPlanAction", summary = "Edit an action, e.g. a proposal before accepting it (If-Match required); its status changes through /status")
    public RestResponse<ActionView> update(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @HeaderParam("If-Match") String ifMatch,
                                           @NotNull @Valid ActionInput request) {
        return Responses.ok(planning.editAction(id, actionId, ifMatch, request));
    }

    @PUT
    @Path("/actions/{actionId}/status")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "changeSuccessPlanActionStatus", summary = "Accept (PROPOSED → NOT_STARTED), start, block, close or drop an action (If-Match required); DONE may set its SSAT factor IN_PLACE")
    public RestResponse<ActionView> status(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @HeaderParam("If-Match") String ifMatch,
                                           @NotNull @Valid StatusChange request) {
        return Responses.ok(planning.changeStatus(id, actionId, ifMatch, request));
    }

    @GET
    @Path("/document")
    @Produces({MARKDOWN, DOCX})
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessPlanDocument", summary = "The success plan the customer takes home: Markdown (Accept: text/markdown) or Word (Accept: DOCX)")
    @APIResponse(responseCode = "200", description = "The success plan as an attachment", content = {
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING), example = "# Success plan — Contoso Ltd\n\n## Actions and owners\n\n| Action | Owner |\n|---|---|\n| Run the OneDrive champions programme | Aiko Tanaka (Contoso Ltd) |\n"),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response document(@PathParam("id") UUID id, @HeaderParam("Accept") String accept) {
        boolean word = accept != null && accept.contains(DOCX);
        Object body = word ? documents.docx(id) : documents.markdown(id);
        return Response.ok(body, word ? DOCX : MARKDOWN + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"success-plan-" + id + (word ? ".docx" : ".md") + "\"").build();
    }

    @GET
    @Path("/checklist")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "getSuccessChecklist", summary = "The success-plan checklist: every item, its state, completeness and revision, with its ETag")
    public RestResponse<ChecklistView> checklist(@PathParam("id") UUID id) {
        return Responses.ok(planning.checklistView(id));
    }

    @PUT
    @Path("/checklist/items/{item}")
    @RolesAllowed(Roles.FASTTRACK_MANAGER)
    @Operation(operationId = "markSuccessChecklistItem", summary = "Check an item, mark it NOT_APPLICABLE with a reason, or reopen it (If-Match: the checklist's ETag)")
    public RestResponse<ChecklistView> mark(@PathParam("id") UUID id,
                                            @PathParam("item") @Parameter(schema = @Schema(implementation = ChecklistItem.class)) String item,
                                            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ChecklistItemChange request) {
        return Responses.ok(planning.markItem(id, Params.enumValue(ChecklistItem.class, item, "item"), ifMatch, request));
    }
}
