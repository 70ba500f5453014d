package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.successworkshop.harness.Stack;
import com.successworkshop.system.OpenApi.Answer;
import com.successworkshop.system.OpenApi.Op;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Malformed and boundary requests for every operation, generated from its OpenAPI description: bad path ids and codes,
 * wrong-typed, out-of-range and oversized query parameters (page sizes too), bad If-Match / Idempotency-Key /
 * Last-Event-ID headers, and bodies that are malformed, of the wrong media type, deeply nested, 10 MB large (with and
 * without Content-Length), missing a required field, carrying an unknown one, or with one field of the wrong type,
 * too long, an unknown enum value, a bad date or time, a bad UUID. Deterministic: the candidates are shuffled with a
 * fixed seed and at most {@code perOperation} of them are sent per operation (the 10 MB and deep-JSON ones always).
 * <p>
 * Checks: no 5xx, no 401/403 (the token has every role), every 4xx is application/problem+json, and the API-visible
 * state ({@code fingerprint}) is unchanged after an operation's batch unless one of its writes was accepted.
 */
final class Fuzzer {

    record Req(String label, String path, Map<String, String> query, Map<String, String> headers, byte[] body, String contentType,
               boolean chunked, boolean always) {
    }

    record Report(int tried, Map<Integer, Integer> byStatus, int accepted, int batchesCompared, List<String> failures, List<String> known, long millis) {
        void print() {
            System.out.printf("[fuzz] %d requests tried in %.1f s (%d writes accepted as valid); statuses %s; state compared before/after %d operation batches; %d failures%n",
                    tried, millis / 1000.0, accepted, byStatus, batchesCompared, failures.size());
            failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] FAIL " + f));
            known.forEach(k -> System.out.println("[fuzz] KNOWN " + k));
        }
    }

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String HUGE = "x".repeat(100_000);

    private final Stack stack;
    private final List<Op> ops;
    private final String token;
    private final BiFunction<Op, Map<String, String>, String> path;
    private final Function<Op, String> body;
    private final Supplier<List<String>> fingerprint;

    Fuzzer(Stack stack, List<Op> ops, String token, BiFunction<Op, Map<String, String>, String> path, Function<Op, String> body,
           Supplier<List<String>> fingerprint) {
        this.stack = stack;
        this.ops = ops;
        this.token = token;
        this.path = path;
        this.body = body;
        this.fingerprint = fingerprint;
    }

    Report run(long seed, int perOperation) throws Exception {
        long start = System.nanoTime();
        Random random = new Random(seed);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> known = new ArrayList<>();
        int tried = 0, accepted = 0, compared = 0;
        List<String> before = fingerprint.get();
        for (Op op : ops) {
            List<Req> all = candidates(op);
            List<Req> chosen = new ArrayList<>(all.stream().filter(Req::always).toList());
            List<Req> rest = new ArrayList<>(all.stream().filter(r -> !r.always()).toList());
            Collections.shuffle(rest, random);
            chosen.addAll(rest.subList(0, Math.min(rest.size(), Math.max(0, perOperation - chosen.size()))));
            boolean wrote = false;
            for (Req r : chosen) {
                tried++;
                Answer a;
                try {
                    a = send(op, r);
                } catch (IOException e) {
                    if (r.chunked()) {
                        // The server refuses a stream over the cap and closes the connection; a client still sending may
                        // then see the reset before the 413 (a race HTTP/1.1 allows). Whether anything was written is
                        // still checked below.
                        known.add(op + " [" + r.label() + "]: connection closed while the oversized chunked body was being sent (" + e + ")");
                    } else {
                        failures.add(op + " [" + r.label() + "]: no answer (" + e + ")");
                    }
                    continue;
                }
                byStatus.merge(a.status(), 1, Integer::sum);
                if (a.status() >= 500 || a.status() == 401 || a.status() == 403) {
                    failures.add(op + " [" + r.label() + "]: " + a.status() + " " + cut(a.body()));
                } else if (a.status() == 413 && r.chunked() && !a.isProblem()) {
                    known.add(op + " [" + r.label() + "]: 413 without problem+json (chunked body over the cap; RESTEasy Reactive's bare 413)");
                } else if (a.status() >= 400 && !a.isProblem()) {
                    failures.add(op + " [" + r.label() + "]: " + a.status() + " with Content-Type " + a.contentType() + " (not problem+json) " + cut(a.body()));
                }
                if (op.isWrite() && a.status() < 400) {
                    wrote = true;
                    accepted++;
                }
            }
            List<String> after = fingerprint.get();
            if (!wrote) {
                compared++;
                if (!before.equals(after)) {
                    failures.add(op + ": rejected requests changed what the API shows: " + before + " → " + after);
                }
            }
            before = after;
        }
        return new Report(tried, byStatus, accepted, compared, failures, known, (System.nanoTime() - start) / 1_000_000);
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private Answer send(Op op, Req r) throws Exception {
        StringBuilder url = new StringBuilder(stack.url(op.service())).append(r.path());
        char sep = r.path().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> q : r.query().entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = '&';
        }
        HttpRequest.BodyPublisher pub = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : r.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body()))
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30)).method(op.method(), pub)
                .header("Authorization", "Bearer " + token);
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        r.headers().forEach(b::header);
        return OpenApi.send(b.build());
    }

    // ---------------------------------------------------------------------------------------------- generation

    private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-00000000000g", "%27%20OR%20%271%27%3D%271",
            "%00", "..%2F..%2Fetc", "x".repeat(2000), "%F0%9F%98%80", "00000000-0000-4000-8000-000000000999");
    private static final List<String> BAD_CODES = List.of("NOPE", "od%00", "x".repeat(2000), "%F0%9F%98%80", "..", "1");

    List<Req> candidates(Op op) {
        List<Req> out = new ArrayList<>();
        Map<String, String> baseHeaders = new LinkedHashMap<>();
        if (op.isWrite()) {
            baseHeaders.put("If-Match", "\"999\"");
        }
        String basePath = path.apply(op, Map.of());
        String valid = body.apply(op);
        byte[] validBytes = valid == null ? null : valid.getBytes(StandardCharsets.UTF_8);
        String type = op.mediaType();

        for (OpenApi.Param p : op.params()) {
            switch (p.in()) {
                case "path" -> {
                    boolean code = p.name().equals("workload") || p.name().equals("service") || p.name().equals("factor");
                    for (String v : code ? BAD_CODES : BAD_IDS) {
                        out.add(new Req("path " + p.name() + "=" + abbrev(v), path.apply(op, Map.of(p.name(), v)), Map.of(), baseHeaders, validBytes, type, false, false));
                    }
                }
                case "query" -> {
                    for (String v : queryValues(op, p)) {
                        out.add(new Req("query " + p.name() + "=" + abbrev(v), basePath, Map.of(p.name(), enc(v)), baseHeaders, validBytes, type, false, false));
                    }
                }
                case "header" -> {
                    List<String> values = switch (p.name()) {
                        case "If-Match" -> List.of("garbage", "\"-1\"", "\"abc\"", "W/\"0\"", "\"99999999999999999999\"", "*", "\"" + "9".repeat(3000) + "\"");
                        case "Idempotency-Key" -> List.of("k".repeat(4000), " ", "\u00e9t\u00e9");
                        default -> List.of("garbage", "-1", "99999999999999999999", "x".repeat(4000));
                    };
                    for (String v : values) {
                        Map<String, String> h = new LinkedHashMap<>(baseHeaders);
                        h.put(p.name(), new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                        out.add(new Req("header " + p.name() + "=" + abbrev(v), basePath, Map.of(), h, validBytes, type, false, false));
                    }
                }
                default -> {
                }
            }
        }
        if (!op.isWrite()) {
            return out;
        }
        // bodies
        byte[] ten = new byte[TEN_MB];
        java.util.Arrays.fill(ten, (byte) '[');
        String bodyType = type == null ? "application/json" : type;
        out.add(new Req("10 MB body", basePath, Map.of(), baseHeaders, ten, bodyType, false, true));
        out.add(new Req("10 MB body, chunked", basePath, Map.of(), baseHeaders, ten, bodyType, true, true));
        if (type == null || !type.contains("json")) {
            for (String s : List.of("", "\u0000\u0001", "a\tb\n" + "x".repeat(200_000), "ftopTaskId,name\n\"unterminated")) {
                out.add(new Req("text body " + abbrev(s), basePath, Map.of(), baseHeaders, s.getBytes(StandardCharsets.UTF_8), bodyType, false, false));
            }
            return out;
        }
        out.add(new Req("deep JSON arrays", basePath, Map.of(), baseHeaders, ("[".repeat(60_000) + "]".repeat(60_000)).getBytes(StandardCharsets.UTF_8), type, false, true));
        out.add(new Req("deep JSON objects", basePath, Map.of(), baseHeaders, ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8), type, false, true));
        for (String s : List.of("{", "}", "[]", "null", "\"x\"", "123", "{\"a\":}", "", "{}", "{\"a\":1,}", "\u0000", "{\"customerName\":\"\\ud800\"}")) {
            out.add(new Req("body " + abbrev(s), basePath, Map.of(), baseHeaders, s.getBytes(StandardCharsets.UTF_8), type, false, false));
        }
        out.add(new Req("invalid UTF-8", basePath, Map.of(), baseHeaders, new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, type, false, false));
        if (validBytes != null) {
            for (String t : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
                out.add(new Req("Content-Type " + t, basePath, Map.of(), baseHeaders, validBytes, t, false, false));
            }
            out.add(new Req("no Content-Type", basePath, Map.of(), baseHeaders, validBytes, null, false, false));
        }
        JsonNode schema = OpenApi.resolve(op.doc(), op.bodySchema());
        JsonNode base;
        try {
            base = valid == null ? null : OpenApi.JSON.readTree(valid);
        } catch (Exception e) {
            return out;
        }
        if (base instanceof ObjectNode obj) {
            ObjectNode unknown = obj.deepCopy();
            unknown.put("unknownField" , 1);
            out.add(json("unknown field", basePath, baseHeaders, unknown, type));
            for (JsonNode req : schema.path("required")) {
                ObjectNode missing = obj.deepCopy();
                missing.remove(req.asText());
                out.add(json("missing " + req.asText(), basePath, baseHeaders, missing, type));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = it.next();
                JsonNode ps = OpenApi.resolve(op.doc(), prop.getValue());
                for (JsonNode bad : badValues(ps)) {
                    ObjectNode m = obj.deepCopy();
                    m.set(prop.getKey(), bad);
                    out.add(json(prop.getKey() + "=" + abbrev(bad.toString()), basePath, baseHeaders, m, type));
                }
                // one level down: objects and arrays of objects get a bad value in each of their fields
                JsonNode inner = OpenApi.resolve(op.doc(), ps.path("type").asText().equals("array") ? ps.path("items") : ps);
                if (inner != null && inner.has("properties")) {
                    JsonNode sample = OpenApi.example(op.doc(), inner, 1);
                    for (Iterator<Map.Entry<String, JsonNode>> fi = inner.path("properties").fields(); fi.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = fi.next();
                        for (JsonNode bad : badValues(OpenApi.resolve(op.doc(), f.getValue()))) {
                            ObjectNode s = ((ObjectNode) sample).deepCopy();
                            s.set(f.getKey(), bad);
                            ObjectNode m = obj.deepCopy();
                            m.set(prop.getKey(), ps.path("type").asText().equals("array") ? OpenApi.F.arrayNode().add(s) : s);
                            out.add(json(prop.getKey() + "." + f.getKey() + "=" + abbrev(bad.toString()), basePath, baseHeaders, m, type));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Req json(String label, String path, Map<String, String> headers, JsonNode body, String type) {
        return new Req(label, path, Map.of(), headers, body.toString().getBytes(StandardCharsets.UTF_8), type, false, false);
    }

    /** Values of the wrong type for a schema, and boundary values of the right type. */
    private static List<JsonNode> badValues(JsonNode schema) {
        var f = OpenApi.F;
        List<JsonNode> v = new ArrayList<>(List.of(f.nullNode(), f.objectNode().put("a", 1), f.arrayNode().add(1)));
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "string" -> {
                v.addAll(List.of(f.numberNode(123), f.booleanNode(true), f.textNode(""), f.textNode(" "), f.textNode(HUGE), f.textNode("\u0000"),
                        f.textNode("<script>alert(1)</script>"), f.textNode("'; drop table engagement; --")));
                if (schema.has("enum")) {
                    v.addAll(List.of(f.textNode("NOPE"), f.textNode(schema.get("enum").get(0).asText().toLowerCase())));
                }
                switch (format) {
                    case "date" -> v.addAll(List.of(f.textNode("2027-13-45"), f.textNode("2027-02-30"), f.textNode("yesterday"), f.textNode("2027-06-30T09:00:00Z"),
                            f.textNode("+999999999-12-31"), f.textNode("0000-01-01")));
                    case "date-time" -> v.addAll(List.of(f.textNode("2027-06-30"), f.textNode("not-a-time"), f.textNode("2027-06-30T25:00:00Z"),
                            f.textNode("+1000000000-01-01T00:00:00Z"), f.numberNode(1700000000), f.textNode("1970-01-01T00:00:00Z")));
                    case "uuid" -> v.addAll(List.of(f.textNode("not-a-uuid"), f.textNode("00000000-0000-4000-8000-000000000999")));
                    default -> {
                    }
                }
            }
            case "integer" -> v.addAll(List.of(f.textNode("12"), f.textNode("abc"), f.numberNode(-1), f.numberNode(0), f.numberNode(2147483648L),
                    f.numberNode(new java.math.BigInteger("99999999999999999999999")), f.numberNode(1.5), f.booleanNode(true), f.numberNode(1e308)));
            case "number" -> v.addAll(List.of(f.textNode("abc"), f.textNode("NaN"), f.numberNode(-1e308), f.numberNode(1e308),
                    f.numberNode(new java.math.BigDecimal("1e400")), f.numberNode(new java.math.BigDecimal("1e-400")), f.booleanNode(false)));
            case "boolean" -> v.addAll(List.of(f.textNode("yes"), f.numberNode(1), f.textNode("")));
            case "array" -> {
                v.add(f.textNode("x"));
                v.add(f.arrayNode());
                ArrayNode many = f.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add("NOPE" + i);
                }
                v.add(many);
                v.add(f.arrayNode().addNull());
            }
            default -> {
                v.add(f.textNode("x"));
                v.add(f.numberNode(1));
            }
        }
        return v;
    }

    private static List<String> queryValues(Op op, OpenApi.Param p) {
        String type = p.schema().path("type").asText("string");
        List<String> v = new ArrayList<>();
        switch (type) {
            case "integer" -> v.addAll(List.of("abc", "-1", "2147483648", "99999999999999999999", "1.5", "", "0x10", "1e3"));
            case "boolean" -> v.addAll(List.of("maybe", "2", ""));
            case "array" -> v.addAll(List.of("not-a-uuid", "", "x".repeat(1000)));
            default -> v.addAll(List.of("NOPE", "", "x".repeat(1500), "\u0000", "' OR 1=1--", "\ud83d\ude00", "title,sideways", "id;drop table x"));
        }
        if (p.name().equals("size")) {
            v.addAll(List.of("201", "1000000", "0"));
        }
        if (p.name().equals("page")) {
            v.addAll(List.of("100001", "2147483647"));
        }
        if (p.name().equals("count")) {
            v.addAll(List.of("53", "0"));
        }
        return v;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbrev(String s) {
        String t = Objects.toString(s);
        return t.length() > 24 ? t.substring(0, 20) + "…(" + t.length() + ")" : t;
    }
}
