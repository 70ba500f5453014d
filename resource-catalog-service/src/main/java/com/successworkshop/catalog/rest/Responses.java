package com.successworkshop.catalog.rest;

import com.successworkshop.catalog.rest.ResourceDtos.ResourcePackView;
import com.successworkshop.catalog.rest.ResourceDtos.ResourceView;
import com.successworkshop.catalog.service.IdempotencyService;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Responses that carry an ETag, and 201s that may be replays of an idempotent create. */
final class Responses {

    private Responses() {
    }

    static Response ok(ResourceView v) {
        return Response.ok(v).tag(new EntityTag(String.valueOf(v.version()))).build();
    }

    static Response ok(ResourcePackView v) {
        return Response.ok(v).tag(new EntityTag("pack-" + v.version())).build();
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
