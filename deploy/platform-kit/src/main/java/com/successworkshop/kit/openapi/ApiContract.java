package com.successworkshop.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP conventions every service shares, written into its OpenAPI document once instead of on every method: real
 * success statuses (201 + Location for creates, 304 for conditional reads), the headers (ETag, Location, Retry-After,
 * Idempotent-Replayed, If-Match required wherever it is read), a Problem (RFC 9457) body on every 4xx/5xx an operation
 * can answer, and every property of an answer's schema {@code required} (Jackson writes nulls, so each is always there),
 * nullable unless declared {@code @NotNull}. Runs at build time too, so the stored spec (target/openapi) is the same.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class ApiContract implements OASFilter {

    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String REF_PREFIX = "#/components/schemas/";

    /** Status → (component name, description) of the problem answers. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[]{"BadRequest", "Bad input: `errors[]` names each field and what is wrong with it"});
        PROBLEMS.put("401", new String[]{"Unauthorized", "No valid bearer token"});
        PROBLEMS.put("403", new String[]{"Forbidden", "The token's role or partner does not allow this"});
        PROBLEMS.put("404", new String[]{"NotFound", "No such resource for the caller's partner"});
        PROBLEMS.put("409", new String[]{"Conflict", "A playbook rule forbids this change now; `rule` names it"});
        PROBLEMS.put("412", new String[]{"PreconditionFailed", "If-Match names a version that is no longer current: read again and retry"});
        PROBLEMS.put("413", new String[]{"ContentTooLarge", "The request body is larger than this service accepts"});
        PROBLEMS.put("415", new String[]{"UnsupportedMediaType", "The request body is not of a media type this operation reads"});
        PROBLEMS.put("422", new String[]{"UnprocessableContent", "The Idempotency-Key was already used with a different request body"});
        PROBLEMS.put("428", new String[]{"PreconditionRequired", "If-Match is required: send the ETag you read"});
        PROBLEMS.put("429", new String[]{"TooManyRequests", "Too many writes from this client: wait Retry-After seconds"});
        PROBLEMS.put("503", new String[]{"ServiceUnavailable", "A dependency (the database) is unavailable for a moment; nothing was changed"});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() == null) {
            openAPI.getInfo().setLicense(OASFactory.createLicense().name("Proprietary").identifier("LicenseRef-Proprietary"));
        }
        // Relative: the same document is right behind the one host (deploy/k8s route) and on a service's own port.
        openAPI.setServers(List.of(OASFactory.createServer().url("/")));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        problemSchema(components);
        problemResponses(components);
        wellKnownTypes(components);
        headers(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) ->
                    item.getOperations().forEach((method, op) -> operation(path, method, op, components)));
        }
        requiredAnswers(openAPI, components);
        examples(openAPI, components);
    }

    /** An example on every JSON body an operation reads or answers, unless the code wrote one. */
    private static void examples(OpenAPI openAPI, Components components) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Examples examples = new Examples(components);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                example(op.getRequestBody().getContent(), examples);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().forEach((status, r) -> {
                    if (status.startsWith("2")) {
                        example(r.getContent(), examples);
                    }
                });
            }
        }));
    }

    private static void example(Content content, Examples examples) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            boolean json = type.equals("application/json") || type.endsWith("+json");
            if (json && media.getSchema() != null && media.getExample() == null
                    && (media.getExamples() == null || media.getExamples().isEmpty())) {
                Object value = examples.of(media.getSchema());
                if (value != null) {
                    media.setExample(value);
                }
            }
        });
    }

    private void operation(String path, PathItem.HttpMethod method, Operation op, Components components) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS;
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean idempotent = header(op, "Idempotency-Key") != null;
        Parameter ifMatch = header(op, "If-Match");

        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null && method == PathItem.HttpMethod.POST && idempotent) {
            // A create: 201 with the new resource's address; a retry with the same key replays the first answer.
            responses.removeAPIResponse("200");
            ok.setDescription("Created (or the first answer replayed for a repeated Idempotency-Key)");
            ok.addHeader("Location", ref("Location"));
            ok.addHeader("Idempotent-Replayed", ref("IdempotentReplayed"));
            responses.addAPIResponse("201", ok);
        }
        APIResponse success = ok != null ? ok : responses.getAPIResponse("201");
        if (success != null && versioned(success, components)) {
            success.addHeader("ETag", ref("ETag"));
            if (method == PathItem.HttpMethod.GET && header(op, "If-None-Match") == null) {
                op.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER).required(false)
                        .description("The ETag you hold: 304 when it is still current")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                responses.addAPIResponse("304", OASFactory.createAPIResponse().description("Not Modified: the ETag sent in If-None-Match is current")
                        .addHeader("ETag", ref("ETag")));
            }
        }
        if (ifMatch != null) {
            // The rule the services follow: a PUT, PATCH or DELETE changes fields and needs the version it read; a POST
            // command is guarded by the playbook's rules and takes If-Match as an option unless it declares it required.
            boolean required = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                    || method == PathItem.HttpMethod.DELETE || Boolean.TRUE.equals(ifMatch.getRequired());
            ifMatch.required(required).description(required
                    ? "Required: the ETag of the version this change is based on (`*` for any); 428 without it, 412 when stale"
                    : "Optional: the ETag this command is based on; 412 when stale");
        }

        List<String> statuses = new ArrayList<>(List.of("401", "403", "503"));
        if (has(op) || op.getRequestBody() != null) {
            statuses.add("400");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.addAll(List.of("409", "429"));
        }
        if (op.getRequestBody() != null) {
            statuses.addAll(List.of("413", "415"));
        }
        if (idempotent) {
            statuses.add("422");
        }
        if (ifMatch != null) {
            statuses.add("412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                statuses.add("428");
            }
        }
        for (String status : statuses) {
            // Replaces the bare 401/403 that the security scan adds: a browser client reads a problem body on every error.
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
    }

    private static boolean has(Operation op) {
        return op.getParameters() != null && !op.getParameters().isEmpty();
    }

    private static Parameter header(Operation op, String name) {
        if (op.getParameters() == null) {
            return null;
        }
        return op.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
    }

    /** An answer whose body has a {@code version} property carries it as its ETag (the kit's Responses.ok(Versioned)). */
    private static boolean versioned(APIResponse response, Components components) {
        Schema schema = jsonSchema(response);
        if (schema == null || schema.getRef() == null || components.getSchemas() == null) {
            return false;
        }
        Schema target = components.getSchemas().get(schema.getRef().substring(REF_PREFIX.length()));
        return target != null && target.getProperties() != null && target.getProperties().containsKey("version");
    }

    private static Schema jsonSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return null;
        }
        MediaType json = response.getContent().getMediaType("application/json");
        return json == null ? null : json.getSchema();
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static void headers(Components components) {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addHeader("ETag", OASFactory.createHeader().description("The version of this representation; send it back in If-Match to change it")
                .schema(string));
        components.addHeader("Location", OASFactory.createHeader().description("Where the created resource is read")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
        components.addHeader("IdempotentReplayed", OASFactory.createHeader()
                .description("`true` when this is the stored answer to an earlier request with the same Idempotency-Key")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
        components.addHeader("RetryAfter", OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    /** The same Instant, LocalDate and UUID in every service, so that merged documents (one host) share one type each. */
    private static void wellKnownTypes(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        if (components.getSchemas().containsKey("Instant")) {
            components.addSchema("Instant", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")
                    .examples(List.of("2026-12-03T09:00:00Z")));
        }
        if (components.getSchemas().containsKey("LocalDate")) {
            components.addSchema("LocalDate", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date")
                    .examples(List.of("2026-12-03")));
        }
    }

    private static void problemSchema(Components components) {
        Schema str = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One field of the request that is wrong, and why")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The field, query parameter or header, e.g. `licenceCount`"))
                .addProperty("message", str)
                .required(List.of("field", "message"));
        components.addSchema("FieldError", fieldError);
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every 4xx and 5xx")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").description("Identifies the kind of problem"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").description("The HTTP status"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What went wrong this time, for a person"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref(REF_PREFIX + "FieldError"))
                        .description("Each invalid field (400)"))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The playbook rule that forbids the change (409)"))
                .required(List.of("type", "title", "status")));
    }

    private static void problemResponses(Components components) {
        PROBLEMS.forEach((status, named) -> {
            Content content = OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(problemExample(status, named[1])));
            APIResponse response = OASFactory.createAPIResponse().description(named[1]).content(content);
            if (status.equals("429") || status.equals("503")) {
                response.addHeader("Retry-After", ref("RetryAfter"));
            }
            components.addResponse(named[0], response);
        });
    }

    /** What a client reads on this status, as ProblemMappers writes it (slug and title), e.g. a 400 naming the field. */
    private static Map<String, Object> problemExample(String status, String description) {
        String[] kind = switch (status) {
            case "400" -> new String[]{"validation", "Bad Request", "The request is not valid"};
            case "401" -> new String[]{"unauthorized", "Unauthorized", "A valid bearer token is required"};
            case "403" -> new String[]{"forbidden", "Forbidden", "Your role does not allow this operation"};
            case "404" -> new String[]{"not-found", "Not Found", "Engagement 3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01 was not found"};
            case "409" -> new String[]{"rule-violated", "Conflict", "The customer kickoff was already completed at 2026-12-03T09:00:00Z"};
            case "412" -> new String[]{"precondition-failed", "Precondition Failed", "The resource changed since you read it (current version 4)"};
            case "413" -> new String[]{"payload-too-large", "Payload Too Large", description};
            case "415" -> new String[]{"http-415", "Unsupported Media Type", description};
            case "422" -> new String[]{"idempotency-key-reused", "Unprocessable Content", description};
            case "428" -> new String[]{"precondition-required", "Precondition Required", description};
            case "429" -> new String[]{"rate-limited", "Too Many Requests", description};
            default -> new String[]{"unavailable", "Service Unavailable", description};
        };
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://successworkshop.dev/problems/" + kind[0]);
        p.put("title", kind[1]);
        p.put("status", Integer.parseInt(status));
        p.put("detail", kind[2]);
        p.put("instance", "/api/v1/engagements/3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01");
        if (status.equals("400")) {
            p.put("errors", List.of(Map.of("field", "licenceCount", "message", "must be greater than or equal to 0")));
        }
        if (status.equals("409")) {
            p.put("rule", "kickoff.already-complete");
        }
        return p;
    }

    /**
     * Every schema reachable from an answer lists all its properties as required; those the code does not declare
     * {@code @NotNull} may be null, and say so, so that a generated client neither guesses nor lies.
     */
    private static void requiredAnswers(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Deque<Schema> todo = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().forEach((status, r) -> {
                    if (status.startsWith("2") && r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> {
                            if (m.getSchema() != null) {
                                todo.add(m.getSchema());
                            }
                        });
                    }
                });
            }
        }));
        Set<String> seen = new HashSet<>();
        seen.add("Problem");
        seen.add("FieldError");
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                Schema target = components.getSchemas().get(name);
                if (target != null && seen.add(name)) {
                    complete(target);
                    todo.push(target);
                }
                continue;
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
        }
    }

    private static void complete(Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        Set<String> declared = schema.getRequired() == null ? Set.of() : new HashSet<>(schema.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, p) -> {
            if (!declared.contains(name)) {
                schema.addProperty(name, nullable(p));
            }
        });
        schema.setRequired(new ArrayList<>(properties.keySet()));
    }

    private static Schema nullable(Schema p) {
        if (p.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref(p.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (p.getType() != null && !p.getType().isEmpty() && !p.getType().contains(Schema.SchemaType.NULL)) {
            p.addType(Schema.SchemaType.NULL);
        }
        return p;
    }
}
