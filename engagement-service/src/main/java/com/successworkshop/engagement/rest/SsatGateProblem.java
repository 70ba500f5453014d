package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.domain.SsatReadiness;
import com.successworkshop.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The workshop-completion gate's refusal as problem+json: a 409 with its rule, like every rule violation, plus one error
 * per intended service whose SSAT is missing (the kit's RuleViolated carries no field errors).
 */
public class SsatGateProblem {

    @ServerExceptionMapper
    public Response ssatNotRecorded(SsatReadiness.NotRecorded e, UriInfo uri) {
        Problem problem = Problem.of(409, "rule-violated", "Conflict", e.getMessage()).withRule(e.rule())
                .withErrors(e.missingServices().stream()
                        .map(s -> new Problem.FieldError("intendedServices." + s, SsatReadiness.NotRecorded.WHAT_TO_DO)).toList())
                .withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
