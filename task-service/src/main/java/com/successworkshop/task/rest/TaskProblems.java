package com.successworkshop.task.rest;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskStatus;

import java.util.List;
import java.util.function.Supplier;

/**
 * The task API's own problem+json where the kit's mapping of a DomainException is not it: a refused transition names the
 * allowed statuses as a field error, a mandatory task set NOT_APPLICABLE by another role than ops is 403, and an import
 * lists its bad lines. (The kit's RuleViolated carries no status, type or field errors.)
 */
final class TaskProblems {

    private TaskProblems() {
    }

    /** @param allowed the statuses the task may move to now */
    static RuntimeException refused(DomainException.RuleViolated e, Supplier<List<TaskStatus>> allowed) {
        return switch (e.rule()) {
            case TaskInstance.TRANSITION -> new ProblemException(Problem.of(409, "invalid-transition", "Conflict", e.getMessage())
                    .withRule(e.rule()).withErrors(List.of(new Problem.FieldError("status", "allowed: " + allowed.get()))));
            case TaskInstance.MANDATORY_NOT_APPLICABLE -> new ProblemException(Problem.of(403, "forbidden", "Forbidden", e.getMessage())
                    .withRule(e.rule()));
            default -> e;
        };
    }

    static ProblemException importInvalid(DomainException.InvalidInput e) {
        List<Problem.FieldError> errors = e.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        String lines = String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
        return new ProblemException(Problem.of(400, "import-invalid", "Bad Request",
                errors.size() + " row(s) are not valid (" + lines + "); nothing was imported").withErrors(errors));
    }
}
