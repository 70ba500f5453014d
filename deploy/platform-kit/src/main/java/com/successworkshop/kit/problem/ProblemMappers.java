package com.successworkshop.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.successworkshop.kit.domain.DomainException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json, naming the field where there is one. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    /** The domain's own errors, in the same problem+json as every other error. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(problemOf(e), uri);
    }

    static Problem problemOf(DomainException e) {
        return switch (e) {
            case DomainException.NotFound n -> Problem.of(404, "not-found", "Not Found", n.getMessage());
            case DomainException.RuleViolated r -> Problem.of(409, "rule-violated", "Conflict", r.getMessage()).withRule(r.rule());
            case DomainException.InvalidInput i -> Problem.of(400, "validation", "Bad Request", i.getMessage())
                    .withErrors(i.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
            case DomainException.VersionRequired v -> Problem.of(428, "precondition-required", "Precondition Required",
                    "This update needs an If-Match header with the ETag of the version you read");
            case DomainException.StaleVersion s -> Problem.of(412, "precondition-failed", "Precondition Failed",
                    "The resource changed since you read it; its current ETag is " + s.current() + ". Read it again and retry.");
        };
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of(400, "validation", "Bad Request", "The request is not valid").withErrors(errors), uri);
    }

    /** Listed one by one: the most specific type wins, and Quarkus has built-in mappers for some of these. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response json(Exception ex, UriInfo uri) {
        JsonProcessingException e = (JsonProcessingException) ex;
        String field = e instanceof JsonMappingException m ? path(m) : "body";
        String message = e instanceof UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "'"
                : "malformed JSON or wrong type" + (e.getOriginalMessage() == null ? "" : ": " + firstLine(e.getOriginalMessage()));
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
        }
        return respond(Problem.of(400, "malformed-body", "Bad Request", "The request body could not be read")
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e, UriInfo uri) {
        return respond(Problem.of(412, "precondition-failed", "Precondition Failed",
                "Someone else changed this resource at the same time. Read it again and retry."), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required"), uri)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        String detail = status == 404 ? "No such resource" : firstLine(e.getMessage());
        return respond(Problem.of(status, "http-" + status, title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (com.successworkshop.kit.consumer.DatabaseErrors.unavailable(e)) {
            // The database is restarting or unreachable: nothing was written, and a retry shortly will likely work.
            return Response.fromResponse(respond(Problem.of(503, "unavailable", "Service Unavailable",
                    "The database is unavailable for a moment; nothing was changed. Retry shortly."), uri)).header("Retry-After", "2").build();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The client closed the connection before its body arrived: nothing was read or written, and nobody waits for the answer.
            if (t instanceof java.nio.channels.ClosedChannelException) {
                LOG.debugf("Client went away while sending %s", uri.getPath());
                return respond(Problem.of(400, "incomplete-request", "Bad Request",
                        "The connection closed before the request body was complete; nothing was changed"), uri);
            }
            // SQLSTATE class 22 (data exception: a NUL character, a value out of range …) comes from what the client sent.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return respond(Problem.of(400, "invalid-value", "Bad Request",
                        "A value in the request cannot be stored or compared (e.g. it contains a NUL character); nothing was changed"), uri);
            }
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal Server Error",
                "The request failed on our side; nothing was changed. Retry later."), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem p = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.request.licenceCount" → "licenceCount": clients know fields, not Java methods. */
    private static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
