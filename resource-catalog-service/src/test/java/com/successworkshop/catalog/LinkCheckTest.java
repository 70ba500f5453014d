package com.successworkshop.catalog;

import com.successworkshop.catalog.application.LinkCheckConfig;
import com.successworkshop.catalog.linkcheck.LinkCheckService;
import com.successworkshop.catalog.linkcheck.LinkChecker;
import com.successworkshop.catalog.support.Api;
import com.successworkshop.catalog.support.TestInfra;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The link checker against a local HTTP server this test starts; never the internet. */
@QuarkusTest
@QuarkusTestResource(TestInfra.class)
class LinkCheckTest {

    @Inject
    LinkCheckService linkCheck;
    @Inject
    LinkCheckConfig config;

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> methods = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        int port = server.getAddress().getPort();
        base = "http://localhost:" + port;
        route("/ok", ex -> reply(ex, 200, null));
        route("/no-head", ex -> reply(ex, ex.getRequestMethod().equals("HEAD") ? 405 : 200, null));
        route("/missing", ex -> reply(ex, 404, null));
        route("/redirect-ok", ex -> reply(ex, 301, "/landing"));
        route("/landing", ex -> reply(ex, 200, null));
        route("/redirect-private", ex -> reply(ex, 302, "http://127.0.0.1:" + port + "/secret"));
        route("/redirect-scheme", ex -> reply(ex, 302, "file:///etc/passwd"));
        route("/secret", ex -> reply(ex, 200, null));
        route("/hang", ex -> {
            await(release, 10_000);
            reply(ex, 200, null);
        });
        route("/busy", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            await(release, 150); // holds the connection briefly so that parallel checks overlap
            inFlight.decrementAndGet();
            reply(ex, 200, null);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(String path, Handler h) {
        server.createContext(path, ex -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            methods.merge(path, ex.getRequestMethod(), (a, b) -> a + "," + b);
            h.handle(ex);
        });
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private static void reply(HttpExchange ex, int status, String location) throws IOException {
        if (location != null) {
            ex.getResponseHeaders().add("Location", location);
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String resource(String address) {
        String tag = Api.tag();
        return Api.create(Api.resource("Link " + tag, address, "AWARENESS_AND_TRAINING", "PORTAL", List.of(), tag));
    }

    @Test
    void recordsStatusesFallsBackToGetAndGuardsRedirects() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String path : List.of("/ok", "/no-head", "/missing", "/redirect-ok", "/redirect-private", "/redirect-scheme", "/hang")) {
            ids.put(path, resource(base + path));
        }
        ids.put("direct-private", resource(base.replace("localhost", "127.0.0.1") + "/secret"));

        Map<UUID, LinkChecker.Result> results = linkCheck.check(ids.values().stream().map(UUID::fromString).toList());
        assertThat(results.size(), equalTo(ids.size()));

        assertCheck(ids.get("/ok"), 200, null);
        assertThat(methods.get("/ok"), equalTo("HEAD"));
        assertCheck(ids.get("/no-head"), 200, null);
        assertThat(methods.get("/no-head"), equalTo("HEAD,GET"));
        assertCheck(ids.get("/missing"), 404, null);
        assertCheck(ids.get("/redirect-ok"), 200, null);
        assertThat(hits.get("/landing").get(), equalTo(1));
        assertCheck(ids.get("/redirect-private"), 302, "redirect blocked: 127.0.0.1 resolves to the private address 127.0.0.1");
        assertCheck(ids.get("/redirect-scheme"), 302, "redirect to a non-http(s) address not followed");
        assertCheck(ids.get("/hang"), null, "timed out");
        assertCheck(ids.get("direct-private"), null, "resolves to the private address");
        // The guard stops before any request: the private target was never contacted.
        assertThat(hits.get("/secret"), nullValue());
    }

    @Test
    void scheduledCheckIsOffByDefaultAndTheGuardAllowsOnlyConfiguredHosts() {
        assertThat(config.enabled(), equalTo(false));
        assertThat(config.allowedPrivateHosts(), equalTo(java.util.Set.of("localhost")));
        assertThat(config.concurrency(), equalTo(4));
    }

    @Test
    void checksRunWithBoundedConcurrency() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(UUID.fromString(resource(base + "/busy?n=" + i)));
        }
        Map<UUID, LinkChecker.Result> results = linkCheck.check(ids);
        assertThat(results.values().stream().filter(LinkChecker.Result::ok).count(), equalTo(10L));
        assertThat(hits.get("/busy").get(), equalTo(10));
        assertThat(maxInFlight.get(), lessThanOrEqualTo(4));
        assertThat(maxInFlight.get(), greaterThanOrEqualTo(1));
    }

    private static void assertCheck(String id, Integer status, String error) {
        var r = Api.manager(Api.partner()).get("/api/v1/resources/" + id).then().statusCode(200)
                .body("lastLinkCheck.checkedAt", notNullValue());
        r.body("lastLinkCheck.httpStatus", equalTo(status));
        if (error == null) {
            r.body("lastLinkCheck.error", nullValue());
        } else {
            r.body("lastLinkCheck.error", containsString(error));
        }
    }
}
