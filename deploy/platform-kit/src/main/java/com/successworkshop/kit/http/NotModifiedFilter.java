package com.successworkshop.kit.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A GET whose If-None-Match names the current ETag (weak comparison, or {@code *}) gets 304 Not Modified with no body
 * (RFC 9110 13.1.2), so every versioned read supports conditional GETs without a line in the resources. Hand-written:
 * JAX-RS' {@code Request.evaluatePreconditions} compares strongly here, and If-None-Match must compare weakly.
 */
public class NotModifiedFilter {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if (ifNoneMatch == null || !"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag != null && matches(ifNoneMatch, tag.getValue())) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    static boolean matches(String ifNoneMatch, String current) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") && c.substring(1, c.length() - 1).equals(current)) {
                return true;
            }
        }
        return false;
    }
}
