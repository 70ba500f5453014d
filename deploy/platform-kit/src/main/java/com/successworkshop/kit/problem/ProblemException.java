package com.successworkshop.kit.problem;

import java.util.List;

/** Thrown by the service layer for an expected failure; the mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not Found", what + " was not found"));
    }

    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(Problem.of(409, "rule-violated", "Conflict", detail).withRule(rule));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Bad Request", "The request is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(Problem.of(428, "precondition-required", "Precondition Required",
                "This update needs an If-Match header with the ETag of the version you read"));
    }

    public static ProblemException stale(String etag) {
        return new ProblemException(Problem.of(412, "precondition-failed", "Precondition Failed",
                "The resource changed since you read it; its current ETag is " + etag + ". Read it again and retry."));
    }
}
