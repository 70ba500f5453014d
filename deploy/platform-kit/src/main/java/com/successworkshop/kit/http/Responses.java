package com.successworkshop.kit.http;

import com.successworkshop.kit.domain.Versioned;
import com.successworkshop.kit.idempotency.IdempotencyService;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * A creating POST under an optional Idempotency-Key: {@code create} runs once per key (in the idempotency record's
     * transaction), and the answer is 201 with Location = this URI + the new id, or the first answer replayed.
     */
    public static <V> Response created(IdempotencyService idempotency, String scope, String key, Object request, UriInfo uri,
                                       Supplier<V> create, Function<V, Object> id) {
        IdempotencyService.Outcome outcome = idempotency.create(scope, key, request, () -> {
            V v = create.get();
            return new IdempotencyService.Created(uri.getAbsolutePathBuilder().path(String.valueOf(id.apply(v))).build().getPath(), v);
        });
        return created(outcome, uri);
    }
}
