package com.successworkshop.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small JSON client over java.net.http for the benchmarks. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 with a connection per concurrent request, as internal callers behind a load balancer do (no single h2c connection).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    public Http(String token) {
        this.token = token;
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String url, Object body) {
        try {
            return client.sendAsync(request(url).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String url) {
        return client.sendAsync(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode post(String url, Object body) throws Exception {
        HttpResponse<String> r = postAsync(url, body).get();
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept", "application/json");
    }
}
