package com.successworkshop.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.application.Rendered;
import com.successworkshop.kit.domain.Versioned;
import com.successworkshop.kit.idempotency.IdempotencyService;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Responses that carry an ETag, and 201s that may be replays of an idempotent create. Typed ({@code RestResponse<V>}),
 * so that the OpenAPI document names the body's schema and a generated client gets a type rather than {@code unknown}.
 */
public final class Responses {

    private Responses() {
    }

    /** 200 with the entity's version as its ETag, so the client can send it back in If-Match. */
    public static <V> RestResponse<V> ok(V body, long version) {
        return tagged(body, String.valueOf(version));
    }

    public static <V extends Versioned> RestResponse<V> ok(V view) {
        return ok(view, view.version());
    }

    /** 200 with a view rendered earlier, written as it was stored (the same JSON Jackson would write for a V). */
    @SuppressWarnings("unchecked")
    public static <V> RestResponse<V> ok(Rendered<V> view) {
        return RestResponse.ResponseBuilder.ok((V) view.json(), MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    public static <V> RestResponse<V> tagged(V body, String etag) {
        return RestResponse.ResponseBuilder.ok(body).tag(new EntityTag(etag)).build();
    }

    /** A replay's body is the stored JSON of the first answer, not a V: Jackson writes either the same way. */
    @SuppressWarnings("unchecked")
    public static <V> RestResponse<V> created(IdempotencyService.Outcome outcome, UriInfo uri) {
        RestResponse.ResponseBuilder<V> b = RestResponse.ResponseBuilder.<V>create(outcome.status()).type(MediaType.APPLICATION_JSON)
                .entity((V) outcome.body());
        if (outcome.location() != null) {
            b.location(uri.getBaseUriBuilder().replacePath(outcome.location()).build());
        }
        if (outcome.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        String version = versionOf(outcome.body());
        if (version != null) {
            // The created resource's version, as a GET would tag it: the client can change it next without a read.
            b.tag(new EntityTag(version));
        }
        return b.build();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String versionOf(String body) {
        if (body == null || !body.contains("\"version\"")) {
            return null;
        }
        try {
            JsonNode version = JSON.readTree(body).get("version");
            return version != null && version.isIntegralNumber() ? version.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A creating POST under an optional Idempotency-Key: {@code create} runs once per key (in the idempotency record's
     * transaction), and the answer is 201 with Location = this URI + the new id, or the first answer replayed.
     */
    public static <V> RestResponse<V> created(IdempotencyService idempotency, String scope, Creation creation, Object request,
                                              Supplier<V> create, Function<V, Object> id) {
        UriInfo uri = creation.uri();
        IdempotencyService.Outcome outcome = idempotency.create(scope, creation.idempotencyKey(), request, () -> {
            V v = create.get();
            return new IdempotencyService.Created(uri.getAbsolutePathBuilder().path(String.valueOf(id.apply(v))).build().getPath(), v);
        });
        return created(outcome, uri);
    }
}
