package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.Problem;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client rate limit on writes (POST, PUT, PATCH, DELETE): a token bucket per client, refilled at
 * {@code workshop.http.write-rate-limit.per-second} with room for {@code burst}; an empty bucket is a 429 problem+json
 * with {@code Retry-After}. The client is the bearer token's subject together with the remote address: the token is not
 * verified here (authentication comes later), so a forged subject only ever spends a bucket of the forger's own address.
 * Reads are not limited. {@code per-second <= 0} switches the limit off.
 */
@Singleton
public class RateLimitFilter {

    /** Buckets kept at most; above this, full (idle) ones are dropped. */
    static final int MAX_CLIENTS = 10_000;

    @ConfigProperty(name = "workshop.http.write-rate-limit.per-second", defaultValue = "50")
    double perSecond;

    @ConfigProperty(name = "workshop.http.write-rate-limit.burst", defaultValue = "100")
    double burst;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        if (perSecond <= 0) {
            return;
        }
        router.route().order(BodyLimitFilter.EARLY_ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (!(m.equals(HttpMethod.POST) || m.equals(HttpMethod.PUT) || m.equals(HttpMethod.PATCH) || m.equals(HttpMethod.DELETE))) {
            ctx.next();
            return;
        }
        if (buckets.size() > MAX_CLIENTS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now, perSecond, burst));
        }
        Bucket bucket = buckets.computeIfAbsent(clientKey(ctx), k -> new Bucket(burst));
        long waitMillis = bucket.take(System.nanoTime(), perSecond, burst);
        if (waitMillis == 0) {
            ctx.next();
            return;
        }
        long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
        Problem p = Problem.of(429, "rate-limited", "Too Many Requests",
                "At most " + perSecond + " writes per second per client (bursts of " + (long) burst + "); retry after " + retryAfter + " s")
                .withInstance(ctx.request().path());
        ctx.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", String.valueOf(retryAfter)).end(Json.encode(p));
    }

    static String clientKey(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
        return subject(ctx.request().getHeader("Authorization")) + "@" + address;
    }

    /** The unverified {@code sub} (else {@code upn}, {@code preferred_username}) of a bearer JWT, or "" when there is none or it cannot be read. */
    static String subject(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2 || parts[1].length() > 8192) {
            return "";
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            for (String claim : new String[] {"sub", "upn", "preferred_username"}) {
                if (claims.getValue(claim) != null) {
                    return claims.getValue(claim).toString();
                }
            }
            return "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A token bucket; {@link #take} answers 0 when a token was taken, else the milliseconds until one is there. */
    static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double burst) {
            this.tokens = burst;
        }

        synchronized long take(long now, double perSecond, double burst) {
            refill(now, perSecond, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }

        synchronized boolean isFull(long now, double perSecond, double burst) {
            refill(now, perSecond, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
