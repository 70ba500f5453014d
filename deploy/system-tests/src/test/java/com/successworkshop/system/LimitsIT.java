package com.successworkshop.system;

import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import com.successworkshop.system.OpenApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client write rate limit and the idle-connection timeout of the packaged services, configured low through the
 * environment (WRITE_RATE_LIMIT_PER_SECOND, WRITE_RATE_LIMIT_BURST, HTTP_IDLE_TIMEOUT). Two of the four services (each
 * has its own copy of the same filter; the engagement-service copy also has a unit-level test, RateLimitTest).
 */
class LimitsIT {

    static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(EnumSet.of(Service.ENGAGEMENT, Service.CATALOG),
                Map.of("WRITE_RATE_LIMIT_PER_SECOND", "0.2", "WRITE_RATE_LIMIT_BURST", "5", "HTTP_IDLE_TIMEOUT", "2s"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static Answer post(Service s, String path, String token) throws Exception {
        return OpenApi.send(HttpRequest.newBuilder(URI.create(stack.url(s) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    @Test
    void writesBeyondTheBurstAre429ProblemsWithRetryAfterPerClient() throws Exception {
        for (Service s : new Service[] {Service.ENGAGEMENT, Service.CATALOG}) {
            String path = s == Service.ENGAGEMENT ? "/api/v1/engagements" : "/api/v1/resources";
            String role = s == Service.ENGAGEMENT ? "fasttrack-manager" : "catalog-admin";
            String token = stack.token("limits-a", role);
            for (int i = 0; i < 5; i++) {
                assertEquals(400, post(s, path, token).status(), s + " write " + (i + 1) + " of the burst");
            }
            Answer limited = post(s, path, token);
            assertEquals(429, limited.status(), s + " " + limited.body());
            assertTrue(limited.isProblem(), limited.contentType());
            int retryAfter = Integer.parseInt(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
            Answer read = OpenApi.send(HttpRequest.newBuilder(URI.create(stack.url(s) + path)).header("Authorization", "Bearer " + token).build());
            assertEquals(200, read.status(), "reads are not limited");
            assertEquals(400, post(s, path, stack.token("limits-b", role)).status(), "another client has its own bucket");
            System.out.printf("[limits] %s: 5 writes passed, the 6th → 429 problem+json, Retry-After %s s; reads and another client unaffected%n",
                    s, limited.header("Retry-After"));
        }
    }

    @Test
    void aStalledRequestIsClosedByTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", URI.create(stack.url(Service.ENGAGEMENT)).getPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The server closes it: read() reaches the end; a connection left open fails here (SocketTimeoutException).
            InputStream in = socket.getInputStream();
            int read = in.read();
            while (read != -1) {
                read = in.read();
            }
        }
    }
}
