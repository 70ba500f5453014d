package com.successworkshop.kit.domain;

import java.util.List;

/**
 * A rule of the playbook or of the model said no. Aggregates and use cases throw these knowing no HTTP; the REST layer
 * (the kit's ProblemMappers) turns each kind into problem+json: not found 404, rule violated 409 with its rule, invalid
 * input 400 naming the fields, version required 428, stale version 412.
 */
public abstract sealed class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** {@code what} ("Engagement 42…") does not exist for the caller. */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what + " was not found");
        }
    }

    /** A named rule forbids this now (e.g. "workshop.not-scheduled"); the rule name is part of the API. */
    public static final class RuleViolated extends DomainException {
        private final String rule;

        public RuleViolated(String rule, String detail) {
            super(detail);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** Input that can never be right, per field. */
    public static final class InvalidInput extends DomainException {
        public record Field(String field, String message) {
        }

        private final List<Field> fields;

        public InvalidInput(List<Field> fields) {
            super("The request is not valid");
            this.fields = List.copyOf(fields);
        }

        public List<Field> fields() {
            return fields;
        }
    }

    /** A change to a versioned aggregate must name the version it was based on. */
    public static final class VersionRequired extends DomainException {
        public VersionRequired() {
            super("This change needs the version (ETag) of the aggregate you read");
        }
    }

    /** The aggregate changed since the version the caller read. */
    public static final class StaleVersion extends DomainException {
        private final String current;

        public StaleVersion(String current) {
            super("The resource changed since you read it; its current version is " + current + ". Read it again and retry.");
            this.current = current;
        }

        public String current() {
            return current;
        }
    }

    public static NotFound notFound(String what) {
        return new NotFound(what);
    }

    public static RuleViolated ruleViolated(String rule, String detail) {
        return new RuleViolated(rule, detail);
    }

    public static InvalidInput invalid(String field, String message) {
        return new InvalidInput(List.of(new InvalidInput.Field(field, message)));
    }
}
