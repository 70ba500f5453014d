package com.successworkshop.kit.problem;

import java.util.List;

/** An HTTP-level failure raised in the REST layer (a bad parameter, a bad header); the domain throws DomainException. */
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
}
