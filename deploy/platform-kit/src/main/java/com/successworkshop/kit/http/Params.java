package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.ProblemException;

import io.quarkus.panache.common.Sort;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Query parameters parsed by hand so that a bad value is a 400 naming the parameter, not JAX-RS's 404. */
public final class Params {

    public static final int MAX_PAGE_SIZE = 200;

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** "createdAt,desc" → Sort; only the listed fields may be sorted on. */
    public static Sort sort(String value, Set<String> allowed, String defaultField) {
        if (value == null || value.isBlank()) {
            return Sort.descending(defaultField);
        }
        String[] parts = value.split(",");
        String field = parts[0].trim();
        if (!allowed.contains(field)) {
            throw ProblemException.invalid("sort", "must be one of " + allowed + ", optionally followed by ,asc or ,desc");
        }
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        return (dir.equals("asc") ? Sort.ascending(field) : Sort.descending(field)).and("id");
    }

    /** "title,desc" → an ORDER BY for native SQL; only the listed fields (field → column) may be sorted on. */
    public static String orderBy(String value, Map<String, String> allowed, String defaultOrder) {
        if (value == null || value.isBlank()) {
            return defaultOrder;
        }
        String[] parts = value.split(",");
        String field = parts[0].trim();
        if (!allowed.containsKey(field)) {
            throw ProblemException.invalid("sort", "must be one of " + new TreeSet<>(allowed.keySet()) + ", optionally followed by ,asc or ,desc");
        }
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        return allowed.get(field) + " " + dir + ", id";
    }
}
