package com.successworkshop.task.rest;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.http.PageRequest;
import com.successworkshop.kit.http.Params;
import com.successworkshop.kit.http.Responses;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import com.successworkshop.task.application.TaskService;
import com.successworkshop.task.application.TaskViews.TaskPatch;
import com.successworkshop.task.application.TaskViews.TaskView;
import com.successworkshop.task.domain.TaskCriteria;
import com.successworkshop.task.domain.TaskStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Tasks", description = "Each engagement's FTOP and Next-steps tasks")
public class TaskResource {

    @Inject
    TaskService service;
    @Inject
    CurrentPartner caller;

    @GET
    @Path("/engagements/{id}/tasks")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.OPS})
    @Operation(operationId = "listEngagementTasks", summary = "An engagement's tasks, filtered and paged, ordered by due date")
    public PageView<TaskView> list(@PathParam("id") UUID engagementId,
                                   @QueryParam("status") @Parameter(description = "NOT_STARTED, IN_PROGRESS, BLOCKED, COMPLETED, NOT_APPLICABLE", schema = @Schema(implementation = TaskStatus.class)) String status,
                                   @QueryParam("mandatory") Boolean mandatory,
                                   @QueryParam("section") String section,
                                   @QueryParam("overdue") Boolean overdue,
                                   @QueryParam("assignee") String assignee,
                                   @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
                                   @Valid @BeanParam PageRequest paging) {
        var criteria = new TaskCriteria(engagementId, Params.enumValue(TaskStatus.class, status, "status"),
                mandatory, section, overdue, assignee, includeRetired);
        return service.listForEngagement(criteria, paging.page(), paging.size()).orElseThrow(() -> ProblemException.notFound("Engagement " + engagementId));
    }

    @GET
    @Path("/tasks")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.OPS})
    @Operation(operationId = "listMyTasks", summary = "Tasks across the caller's engagements, by assignee (default: the caller), paged")
    public PageView<TaskView> inbox(@QueryParam("assignee") @Parameter(description = "defaults to the caller's name") String assignee,
                                    @QueryParam("overdue") Boolean overdue,
                                    @QueryParam("status") @Parameter(schema = @Schema(implementation = TaskStatus.class)) String status,
                                    @Valid @BeanParam PageRequest paging) {
        String who = assignee == null || assignee.isBlank() ? caller.actor() : assignee;
        var criteria = new TaskCriteria(null, Params.enumValue(TaskStatus.class, status, "status"),
                null, null, overdue, who, false);
        return service.page(criteria, paging.page(), paging.size());
    }

    @GET
    @Path("/tasks/{taskId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER, Roles.OPS})
    @Operation(operationId = "getTask", summary = "Get one task with its ETag and the statuses it may move to")
    public RestResponse<TaskView> get(@PathParam("taskId") UUID id) {
        return service.find(id).map(Responses::ok).orElseThrow(() -> ProblemException.notFound("Task " + id));
    }

    @PATCH
    @Path("/tasks/{taskId}")
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.OPS})
    @Operation(operationId = "updateTask", summary = "Change status, assignee, due date or notes (If-Match required); a wrong transition is a 409 naming the allowed ones")
    public RestResponse<TaskView> patch(@PathParam("taskId") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TaskPatch patch,
                          @Context SecurityContext security) {
        try {
            return Responses.ok(service.update(id, ifMatch, patch, security.isUserInRole(Roles.OPS)));
        } catch (DomainException.RuleViolated e) {
            throw TaskProblems.refused(e, () -> service.find(id).map(TaskView::allowedTransitions).orElse(List.of()));
        }
    }
}
