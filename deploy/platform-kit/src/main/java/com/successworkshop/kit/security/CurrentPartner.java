package com.successworkshop.kit.security;

import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the partner every engagement-owned record is scoped to, and a name for the timeline. */
@RequestScoped
public class CurrentPartner {

    public static final String CLAIM = "partner_id";

    @Inject
    JsonWebToken jwt;

    public String partnerId() {
        String id = of(jwt);
        if (id == null) {
            throw noPartner();
        }
        return id;
    }

    /** The token's partner, or null when it names none (no claim, or a blank one). */
    public static String of(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        String id = claim == null ? null : claim.toString().replace("\"", "");
        return id == null || id.isBlank() ? null : id;
    }

    static ProblemException noPartner() {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", "The token carries no partner_id claim"));
    }

    public String actor() {
        String name = jwt.getName();
        return name == null ? "unknown" : name;
    }
}
