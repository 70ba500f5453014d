package com.successworkshop.kit.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An example value for a schema, built from the schema itself (its own examples, enums, formats, bounds), so every
 * operation shows one and it can never disagree with its type: Redocly's example check lints each in CI.
 */
final class Examples {

    /** Values a reader recognises from the playbook, for the property names the services use. */
    private static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("customerName", "Contoso Ltd"),
            Map.entry("fastTrackManager", "Aiko Tanaka"),
            Map.entry("name", "Aiko Tanaka"),
            Map.entry("organisation", "Contoso"),
            Map.entry("partnerId", "partner-a"),
            Map.entry("title", "Microsoft Teams adoption kit"),
            Map.entry("language", "en"),
            Map.entry("reason", "Customer asked to move the date"),
            Map.entry("gap", "No executive sponsor named for Teams"),
            Map.entry("owner", "Contoso IT adoption lead"),
            Map.entry("changedBy", "aiko.tanaka@partner.example"),
            Map.entry("notes", "Reviewed the success plan with the stakeholders"),
            Map.entry("fastTrackRole", "FastTrack Manager"),
            Map.entry("process", "Success workshop"));

    private static final int MAX_DEPTH = 24;

    private final Components components;

    Examples(Components components) {
        this.components = components;
    }

    Object of(Schema schema) {
        return value(null, schema, 0, new HashSet<>());
    }

    private Object value(String property, Schema s, int depth, Set<String> path) {
        if (s == null || depth > MAX_DEPTH) {
            return null;
        }
        if (s.getRef() != null) {
            String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
            Schema target = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (target == null || !path.add(name)) {
                return null;
            }
            try {
                return value(property, target, depth + 1, path);
            } finally {
                path.remove(name);
            }
        }
        if (s.getExamples() != null && !s.getExamples().isEmpty()) {
            return s.getExamples().get(0);
        }
        if (s.getDefaultValue() != null) {
            return s.getDefaultValue();
        }
        if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
            return s.getEnumeration().stream().filter(v -> v != null).findFirst().orElse(null);
        }
        for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (group != null) {
                // The first alternative that is not just null (nullable refs are written as anyOf [ref, null]).
                for (Schema alternative : group) {
                    if (!isNullOnly(alternative)) {
                        return value(property, alternative, depth + 1, path);
                    }
                }
            }
        }
        List<Schema.SchemaType> types = s.getType() == null ? List.of() : s.getType();
        if (types.contains(Schema.SchemaType.OBJECT) || s.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (s.getProperties() != null) {
                s.getProperties().forEach((name, p) -> object.put(name, value(name, p, depth + 1, path)));
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            List<Object> array = new ArrayList<>();
            Object item = value(property, s.getItems(), depth + 1, path);
            if (item != null) {
                array.add(item);
            }
            return array;
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            return bounded(s, 1).longValue();
        }
        if (types.contains(Schema.SchemaType.NUMBER)) {
            return bounded(s, 12.5);
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return true;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return string(property, s);
        }
        return null;
    }

    private static boolean isNullOnly(Schema s) {
        return s.getRef() == null && s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static BigDecimal bounded(Schema s, double usual) {
        BigDecimal v = BigDecimal.valueOf(usual);
        if (s.getMinimum() != null && v.compareTo(s.getMinimum()) < 0) {
            v = s.getMinimum();
        }
        if (s.getExclusiveMinimum() != null && v.compareTo(s.getExclusiveMinimum()) <= 0) {
            v = s.getExclusiveMinimum().add(BigDecimal.ONE);
        }
        if (s.getMaximum() != null && v.compareTo(s.getMaximum()) > 0) {
            v = s.getMaximum();
        }
        return v;
    }

    private static String string(String property, Schema s) {
        String format = s.getFormat() == null ? "" : s.getFormat();
        String v = switch (format) {
            case "uuid" -> "3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01";
            case "date-time" -> "2026-12-03T09:00:00Z";
            case "date" -> "2026-12-03";
            case "uri", "url" -> "https://learn.microsoft.com/microsoft-365/fasttrack/";
            case "uri-reference" -> "/api/v1/engagements/3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01";
            case "email" -> "aiko.tanaka@partner.example";
            default -> {
                Object known = property == null ? null : BY_NAME.get(property);
                yield known instanceof String k ? k : property == null ? "text" : "Example " + property;
            }
        };
        if (s.getMaxLength() != null && v.length() > s.getMaxLength()) {
            v = v.substring(0, s.getMaxLength());
        }
        while (s.getMinLength() != null && v.length() < s.getMinLength()) {
            v = v + "x";
        }
        return v;
    }
}
