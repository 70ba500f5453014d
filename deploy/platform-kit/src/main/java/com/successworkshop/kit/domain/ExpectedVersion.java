package com.successworkshop.kit.domain;

/**
 * The version a change was based on (the ETag the client read, sent back as If-Match), checked against the aggregate's
 * before anything changes: missing where required → {@link DomainException.VersionRequired}, another version →
 * {@link DomainException.StaleVersion}; a weak tag and {@code *} count. The aggregate's {@code @Version} repeats the
 * check at flush, for a change that commits in between.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** A version is required. */
    public static void check(String expected, String current) {
        check(expected, current, true);
    }

    public static void check(String expected, String current, boolean required) {
        if (expected == null || expected.isBlank()) {
            if (required) {
                throw new DomainException.VersionRequired();
            }
            return;
        }
        String wanted = expected.trim().replace("W/", "");
        if (!wanted.equals("*") && !wanted.equals(current)) {
            throw new DomainException.StaleVersion(current);
        }
    }
}
