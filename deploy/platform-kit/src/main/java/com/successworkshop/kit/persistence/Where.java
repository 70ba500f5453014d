package com.successworkshop.kit.persistence;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a list query built from optional filters: a condition joins only when its filter has a value (a
 * blank text counts as none), with its named parameter bound. The same for JPQL (Panache) and native SQL.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private Where() {
    }

    /** No condition yet: every row. */
    public static Where all() {
        return new Where();
    }

    /** A condition that always applies. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** {@code condition} with {@code :name} bound to {@code value}, when there is a value; text is trimmed. */
    public Where and(String condition, String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        conditions.add(condition);
        params.put(name, value instanceof String s ? s.trim() : value);
        return this;
    }

    /** {@code condition} (with no parameter of its own) when {@code applies}. */
    public Where andIf(boolean applies, String condition) {
        return applies ? and(condition) : this;
    }

    /** Binds another parameter that a condition already added uses. */
    public Where with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The conditions joined with {@code and}; {@code 1 = 1} when there are none. */
    public String clause() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** Binds the parameters to a (native) query. */
    public Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    /** An enum's name for a native query, null for no filter. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * The {@code like} pattern (lower case) for "contains this text", with {@code \}, {@code %} and {@code _} escaped
     * (PostgreSQL's default escape character is {@code \}); null for no text.
     */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
