package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.Problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rejects a declared oversized body before it is read, with problem+json rather than Vert.x's bare 413. */
@Singleton
public class BodyLimitFilter {

    /**
     * After Quarkus' CORS filter (its filter priority 300 is route order -300), so a browser can read these early 413s
     * and 429s, and before authentication (-200), so a flood or an oversized body costs no token check.
     */
    static final int EARLY_ORDER = -250;

    @ConfigProperty(name = "workshop.http.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    void install(@Observes Router router) {
        router.route().order(EARLY_ORDER - 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isTooLarge(length)) {
                Problem p = Problem.of(413, "payload-too-large", "Payload Too Large",
                        "The body may be at most " + maxBodyBytes + " bytes").withInstance(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(p));
                return;
            }
            ctx.next();
        });
    }

    private boolean isTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
