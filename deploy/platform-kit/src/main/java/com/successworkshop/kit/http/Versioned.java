package com.successworkshop.kit.http;

/** A view that carries its entity's version: the ETag a client sends back in If-Match. */
public interface Versioned {
    long version();
}
