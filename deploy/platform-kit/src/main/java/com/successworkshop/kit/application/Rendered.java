package com.successworkshop.kit.application;

import com.successworkshop.kit.domain.Versioned;

/**
 * A view already rendered as JSON at an aggregate's version (a read model kept for a hot GET); {@code V} names the view
 * it renders, so that the resource stays typed as that view for OpenAPI and generated clients.
 */
public record Rendered<V>(String json, long version) implements Versioned {
}
