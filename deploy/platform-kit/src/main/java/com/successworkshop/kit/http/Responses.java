package com.successworkshop.kit.http;

import com.successworkshop.kit.idempotency.IdempotencyService;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Responses that carry an ETag, and 201s that may be replays of an idempotent create. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the entity's version as its ETag, so the client can send it back in If-Match. */
    public static Response ok(Object body, long version) {
        return tagged(body, String.valueOf(version));
    }

    public static Response ok(Versioned view) {
        return ok(view, view.version());
    }

    public static Response tagged(Object body, String etag) {
        return Response.ok(body).tag(new EntityTag(etag)).build();
    }

    public static Response created(IdempotencyService.Outcome outcome, UriInfo uri) {
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
