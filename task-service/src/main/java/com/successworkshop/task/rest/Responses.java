package com.successworkshop.task.rest;

import com.successworkshop.task.service.IdempotencyService;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Responses that carry an ETag, and 201s that may be replays of an idempotent create. */
final class Responses {

    private Responses() {
    }

    static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(String.valueOf(version))).build();
    }

    static Response ok(TaskDtos.TemplateView v) {
        return ok(v, v.version());
    }

    static Response ok(TaskDtos.TaskView v) {
        return ok(v, v.version());
    }

    static Response created(IdempotencyService.Outcome outcome, UriInfo uri) {
        Response.ResponseBuilder b = Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.body());
        if (outcome.location() != null) {
            b.location(uri.getBaseUriBuilder().replacePath(outcome.location()).build());
        }
        if (outcome.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }
}
