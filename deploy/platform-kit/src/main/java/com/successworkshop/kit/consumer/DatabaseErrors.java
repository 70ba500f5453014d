package com.successworkshop.kit.consumer;

/** Tells a failure of the database's availability (worth retrying) from a failure of the work itself. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * Connection-class SQL states (08…), server shutting down or out of resources (57…, 53…), or no connection to be had.
     * Looks at suppressed exceptions too: a commit that fails because the server went away arrives as the transaction
     * manager's RollbackException with the driver's error suppressed, not as its cause.
     */
    public static boolean unavailable(Throwable e) {
        return unavailable(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean unavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                || t instanceof java.net.ConnectException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53"))) {
                return true;
            }
            // Agroal's pool says "Sorry, acquisition timeout!": no connection free in time, worth a retry (503, not 500).
            if (sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        for (Throwable s : t.getSuppressed()) {
            if (unavailable(s, seen)) {
                return true;
            }
        }
        return unavailable(t.getCause(), seen);
    }
}
