package com.successworkshop.kit.consumer;


import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures make the consumer retry the event (database away) rather than dead-letter it (the event is bad). */
class DatabaseErrorsTest {

    @Test
    void commitFailingBecauseTheServerShutDownIsRetried() {
        // As Narayana reports it: RollbackException, with the driver's error suppressed on it rather than as its cause.
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        // 57P01 admin_shutdown: what PostgreSQL sends its sessions when it is stopped or restarted.
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);
        assertTrue(DatabaseErrors.unavailable(new IllegalStateException(commit)));
    }

    @Test
    void lostConnectionIsRetried() {
        assertTrue(DatabaseErrors.unavailable(new RuntimeException(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))));
    }

    @Test
    void anExhaustedConnectionPoolIsRetried() {
        // As Hibernate reports Agroal's timeout: the pool's SQLException (no SQL state) under a JDBC exception.
        assertTrue(DatabaseErrors.unavailable(new RuntimeException("Unable to acquire JDBC Connection",
                new java.sql.SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void badEventsAndOtherSqlErrorsAreNotRetried() {
        assertFalse(DatabaseErrors.unavailable(new IncomingEvent.PoisonMessageException("data.partnerId is missing")));
        assertFalse(DatabaseErrors.unavailable(new RuntimeException(
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION))));
        RollbackException markedRollbackOnly = new RollbackException("marked rollback only");
        assertFalse(DatabaseErrors.unavailable(markedRollbackOnly));
    }
}
