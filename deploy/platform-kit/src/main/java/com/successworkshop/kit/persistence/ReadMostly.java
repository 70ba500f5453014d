package com.successworkshop.kit.persistence;

import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.hibernate.SharedSessionContract;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A small table that changes rarely but is read for every event (the resource catalog, the published task templates),
 * kept in memory and reloaded when a one-row fingerprint query answers differently (a row count and the sum of the
 * rows' {@code @Version}, for a table whose rows are never deleted). The fingerprint is asked once per transaction, so a
 * replica sees another replica's write in its next transaction: there is no invalidation event to miss. Within one
 * transaction the rows stay as first read (a consumer's batch applies all its events with one catalog), until the
 * transaction flushes: its own writes are then seen at the next read (a native statement writing the table is not a
 * flush: seen from the next transaction). The rows are loaded detached, for every partner,
 * and shared between threads: treat them as values.
 */
public final class ReadMostly<T> {

    private record Snapshot<T>(String fingerprint, List<T> rows) {
    }

    /** The table, as the action queue is asked about it on every call (built once, not per event). */
    private final Set<String> tables;
    private final String fingerprintSql;
    private final Function<SharedSessionContract, List<T>> load;
    private volatile Snapshot<T> snapshot;

    /**
     * @param table the table of the rows: its row count and summed {@code version} are the fingerprint, so its rows
     *              must never be deleted and every change must raise {@code @Version}
     * @param load  the rows, read in the caller's transaction through the session it is given
     */
    public static <T> ReadMostly<T> versioned(String table, Function<SharedSessionContract, List<T>> load) {
        return new ReadMostly<>(table, "select count(*), coalesce(sum(version), 0) from " + table, load);
    }

    /**
     * @param table          the table the fingerprint reads: pending changes to it are flushed before it is asked
     * @param fingerprintSql native SQL answering one row that changes whenever the rows do
     * @param load           the rows, read in the caller's transaction through the session it is given
     */
    public ReadMostly(String table, String fingerprintSql, Function<SharedSessionContract, List<T>> load) {
        this.tables = Set.of(table);
        this.fingerprintSql = fingerprintSql;
        this.load = load;
    }

    /** The rows as this transaction sees them: from memory when the fingerprint is unchanged, else loaded again. */
    @SuppressWarnings("unchecked")
    public List<T> current(EntityManager em) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // The caller's own pending rows of this table count: flushed first (which ends what this transaction had seen).
        if (session.getActionQueue().areTablesToBeUpdated(tables)) {
            session.flush();
        }
        TransactionSynchronizationRegistry transaction = Transactions.REGISTRY;
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        Seen<T> seen = inTransaction ? (Seen<T>) transaction.getResource(this) : null;
        if (seen != null && seen.current != null) {
            // A consumer's batch asked for every event: one fingerprint query per event (task-service's catch-up: 57 of
            // 722 consumer samples, and PostgreSQL's share of a round trip each) for rows that change a few times a year.
            return seen.current.rows();
        }
        Snapshot<T> now = snapshot(session);
        if (inTransaction) {
            if (seen == null) {
                seen = new Seen<>();
                transaction.putResource(this, seen);
                session.getEventListenerManager().addListener(seen);
            }
            seen.current = now;
        }
        return now.rows();
    }

    private static final class Transactions {
        static final TransactionSynchronizationRegistry REGISTRY = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    }

    /**
     * What one transaction has read, forgotten when its session flushes or writes a batch of rows (either may have
     * written this table). Not when a query's auto-flush check wrote nothing: every query would otherwise end it.
     */
    private static final class Seen<T> implements SessionEventListener {
        Snapshot<T> current;

        @Override
        public void flushEnd(int numberOfEntities, int numberOfCollections) {
            current = null;
        }

        @Override
        public void jdbcExecuteBatchStart() {
            current = null;
        }
    }

    private Snapshot<T> snapshot(SessionImplementor session) {
        // Fingerprint first: a write that commits between the two statements only makes the next call load again.
        String fingerprint = fingerprint(session);
        Snapshot<T> s = snapshot;
        if (s != null && s.fingerprint().equals(fingerprint)) {
            return s;
        }
        s = new Snapshot<>(fingerprint, loadFresh(session));
        snapshot = s;
        return s;
    }

    /**
     * Through a stateless session on the caller's connection and transaction: the caller's persistence context would
     * hand back the entities it already holds, as they were when it first loaded them (a consumer batch that read the
     * catalog before another transaction retired a link kept the link ACTIVE under the new fingerprint).
     */
    private List<T> loadFresh(SessionImplementor session) {
        try (StatelessSession fresh = session.unwrap(Session.class).statelessWithOptions().connection().open()) {
            fresh.disableFilter(PartnerScope.FILTER);
            return List.copyOf(load.apply(fresh));
        }
    }

    private String fingerprint(SessionImplementor session) {
        // Plain JDBC on the caller's connection and transaction: a Hibernate query would dirty-check the whole persistence
        // context first to decide whether to flush (a third of task-service's consumer samples in a catch-up). A managed
        // row changed in memory, not yet flushed, is seen once it is flushed.
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(fingerprintSql); ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the fingerprint query answered no row: " + fingerprintSql);
                }
                int columns = row.getMetaData().getColumnCount();
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    out.append(row.getString(i)).append('|');
                }
                return out.toString();
            }
        });
    }
}
