package com.successworkshop.kit.domain;

/** An aggregate's view that carries its version: the ETag a client reads and sends back as the expected version. */
public interface Versioned {
    long version();
}
