package com.successworkshop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the four services as their running OpenAPI documents describe them (Jackson over
 * {@code /q/openapi?format=json}), with a valid example body built from each request schema, and a plain HTTP client
 * that reads status, content type and (bounded) body, also for Server-Sent Event streams.
 */
final class OpenApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation of one service; {@code doc} resolves its $refs. */
    record Op(Service service, String method, String path, String operationId, List<Param> params, String mediaType,
              JsonNode bodySchema, boolean bodyRequired, JsonNode doc) {

        boolean isWrite() {
            return !method.equals("GET");
        }

        boolean isStream() {
            return operationId.startsWith("stream");
        }

        @Override
        public String toString() {
            return service.name().toLowerCase() + " " + method + " " + path + " (" + operationId + ")";
        }
    }

    static List<Op> load(Stack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Op> ops = new ArrayList<>();
        for (Service s : Service.values()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(s) + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode doc = JSON.readTree(r.body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> verbs = p.getValue().fields(); verbs.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = verbs.next();
                    if (!METHODS.contains(v.getKey())) {
                        continue;
                    }
                    JsonNode op = v.getValue();
                    List<Param> params = new ArrayList<>();
                    for (JsonNode prm : op.path("parameters")) {
                        params.add(new Param(prm.path("name").asText(), prm.path("in").asText(), prm.path("required").asBoolean(),
                                prm.path("schema")));
                    }
                    String media = null;
                    JsonNode schema = null;
                    JsonNode content = op.path("requestBody").path("content");
                    if (content.size() > 0) {
                        media = content.has("application/json") ? "application/json" : content.fieldNames().next();
                        schema = content.path(media).path("schema");
                    }
                    ops.add(new Op(s, v.getKey().toUpperCase(), p.getKey(), op.path("operationId").asText(), params, media, schema,
                            op.path("requestBody").path("required").asBoolean(), doc));
                }
            }
        }
        return ops;
    }

    /** Follows a $ref (also one beside other keywords) to its schema. */
    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        int guard = 0;
        while (schema != null && schema.has("$ref") && guard++ < 20) {
            String ref = schema.get("$ref").asText();
            schema = doc.at(ref.substring(1));
        }
        return schema;
    }

    /** A valid value for a schema: its example, its first enum value, else one made from type and format. */
    static JsonNode example(JsonNode doc, JsonNode schema, int depth) {
        JsonNode own = schema;
        schema = resolve(doc, schema);
        for (JsonNode s : new JsonNode[] {own, schema}) {
            if (s.has("examples") && s.get("examples").size() > 0) {
                return s.get("examples").get(0);
            }
            if (s.has("example")) {
                return s.get("example");
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode o = F.objectNode();
                if (depth > 4) {
                    return o;
                }
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> prop = it.next();
                    if (required.contains(prop.getKey()) || hasExample(doc, prop.getValue())) {
                        o.set(prop.getKey(), example(doc, prop.getValue(), depth + 1));
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                a.add(example(doc, schema.path("items"), depth + 1));
                return a;
            }
            case "integer":
                return F.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "number":
                return F.numberNode(10);
            case "boolean":
                return F.booleanNode(true);
            default:
                return switch (format) {
                    case "uuid" -> F.textNode("00000000-0000-4000-8000-000000000000");
                    case "date" -> F.textNode("2027-06-30");
                    case "date-time" -> F.textNode("2027-06-30T09:00:00Z");
                    default -> F.textNode("sample");
                };
        }
    }

    private static boolean hasExample(JsonNode doc, JsonNode prop) {
        JsonNode r = resolve(doc, prop);
        return prop.has("examples") || prop.has("example") || r.has("examples") || r.has("example");
    }

    /** A response as the tests look at it: status, Content-Type, the first bytes of the body, headers. */
    record Answer(int status, String contentType, String body, HttpResponse<?> raw) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String header(String name) {
            return raw == null ? null : raw.headers().firstValue(name).orElse(null);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends a request and reads at most 64 KB of the answer (an event stream is closed after its first bytes or 2 s). */
    static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String type = r.headers().firstValue("Content-Type").orElse(null);
        String body;
        try (InputStream in = r.body()) {
            if (type != null && type.startsWith("text/event-stream")) {
                body = "";
            } else {
                body = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
            }
        }
        return new Answer(r.statusCode(), type, body, r);
    }
}
