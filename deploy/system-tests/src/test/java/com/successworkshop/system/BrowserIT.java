package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser (Debian's Chromium, headless, driven by playwright-core: deploy/frontend/browser) on a page served
 * from another origin, against engagement-service: it creates an engagement, gets 304 for a current ETag, reads a 412
 * and a 400's fields and a 429 with Retry-After from JavaScript (not a CORS failure), and follows the live timeline
 * with EventSource and a stream ticket, resuming after a reconnect without losing the change made in between.
 */
class BrowserIT {

    private static final Path FRONTEND = Path.of(System.getProperty("project.root", "../..")).resolve("deploy/frontend").toAbsolutePath().normalize();
    private static Stack stack;
    private static int pagePort;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "deploy/frontend's packages are missing: run deploy/test.sh (it runs npm ci) or npm ci in deploy/frontend");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is missing: apt-get install chromium (deploy/test.sh does)");
        try (ServerSocket free = new ServerSocket(0)) {
            pagePort = free.getLocalPort();
        }
        // The page's origin is allowed; a small write budget so that the page meets the rate limit quickly.
        stack = Stack.start(EnumSet.of(Service.ENGAGEMENT), Map.of("CORS_ORIGINS", "http://127.0.0.1:" + pagePort,
                "WRITE_RATE_LIMIT_PER_SECOND", "2", "WRITE_RATE_LIMIT_BURST", "20"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPageOnAnotherOriginReadsAnswersErrorsAndLiveUpdates() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "browser/run.mjs").directory(FRONTEND.toFile()).redirectErrorStream(true);
        pb.environment().put("API_URL", stack.url(Service.ENGAGEMENT));
        pb.environment().put("TOKEN", stack.token("partner-browser", "fasttrack-manager"));
        pb.environment().put("PAGE_PORT", String.valueOf(pagePort));
        pb.environment().put("SCREENSHOT", FRONTEND.resolve("target/browser-check.png").toString());
        Process node = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(line);
                lines.add(line);
            }
        }
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the browser run ends");
        assertEquals(0, node.exitValue(), String.join("\n", lines));
        String json = lines.stream().filter(l -> l.startsWith("[browser] {")).findFirst().orElseThrow().substring("[browser] ".length());
        JsonNode r = new ObjectMapper().readTree(json);

        assertEquals(201, r.at("/create/status").asInt());
        assertTrue(r.at("/create/location").asText().contains("/api/v1/engagements/"), "Location is readable: " + r.at("/create"));
        assertFalse(r.at("/create/etag").isNull(), "ETag is readable");
        assertEquals(304, r.at("/conditionalGet").asInt());
        assertEquals(412, r.at("/stale/status").asInt());
        assertTrue(r.at("/stale/type").asText().startsWith("application/problem+json"));
        assertEquals("Precondition Failed", r.at("/stale/title").asText());
        assertEquals(400, r.at("/invalid/status").asInt());
        assertTrue(r.at("/invalid/fields").toString().contains("licenceCount"), r.at("/invalid").toString());

        JsonNode first = r.at("/live/first/0");
        JsonNode resumed = r.at("/live/resumed/0");
        assertEquals("KICKOFF_COMPLETED", first.get("kind").asText());
        assertEquals("CHECK_IN_SCHEDULED", resumed.get("kind").asText(), "the change made while disconnected arrives on resume");
        assertTrue(resumed.get("id").asLong() > first.get("id").asLong());

        assertNotNull(r.get("rateLimited"), "the page met the rate limit");
        assertEquals(429, r.at("/rateLimited/status").asInt());
        assertTrue(r.at("/rateLimited/retryAfter").asInt() >= 1, "Retry-After is readable: " + r.at("/rateLimited"));
        assertEquals("Too Many Requests", r.at("/rateLimited/title").asText());
    }
}
