package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.ProblemException;

/**
 * The If-Match precondition of an update, checked against the entity's current ETag before anything changes: missing
 * where required → 428, not the current version → 412 (a weak tag and {@code *} count). The entity's {@code @Version}
 * repeats the check at flush, for a change that commits in between.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** If-Match is required. */
    public static void check(String ifMatch, String currentEtag) {
        check(ifMatch, currentEtag, true);
    }

    public static void check(String ifMatch, String currentEtag, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw ProblemException.preconditionRequired();
            }
            return;
        }
        String wanted = ifMatch.trim().replace("W/", "");
        if (!wanted.equals("*") && !wanted.equals(currentEtag)) {
            throw ProblemException.stale(currentEtag);
        }
    }
}
