package com.successworkshop.kit.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a creating POST takes besides its body ({@code @BeanParam Creation creation}): the client's optional
 * Idempotency-Key, documented once for every such endpoint, and the request's URI that the 201's Location extends.
 */
public class Creation {

    @HeaderParam("Idempotency-Key")
    @Parameter(description = "A retry with the same key returns the first response and creates or records nothing again")
    String idempotencyKey;

    @Context
    UriInfo uri;

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public UriInfo uri() {
        return uri;
    }
}
