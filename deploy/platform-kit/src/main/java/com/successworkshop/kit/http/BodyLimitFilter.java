package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.Problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

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

    /** File uploads (a usage report of every user of a large tenant) may be larger than any JSON request. */
    @ConfigProperty(name = "workshop.http.upload-paths")
    Optional<String> uploadPaths;

    @ConfigProperty(name = "workshop.http.max-upload-bytes", defaultValue = "8388608")
    long maxUploadBytes;

    private Pattern uploads;

    void install(@Observes Router router) {
        uploads = uploadPaths.map(Pattern::compile).orElse(null);
        router.route().order(EARLY_ORDER - 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = limit(ctx.request().path());
            if (length != null && isTooLarge(length, limit)) {
                Problem p = tooLarge(limit).withInstance(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(p));
                return;
            }
            ctx.next();
        });
    }

    /** The limit of a request to this path: an upload path's, or every other request's. */
    public long limit(String path) {
        return uploads != null && path != null && uploads.matcher(path).matches() ? maxUploadBytes : maxBodyBytes;
    }

    public static Problem tooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "Payload Too Large", "The body may be at most " + limit + " bytes");
    }

    private static boolean isTooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
