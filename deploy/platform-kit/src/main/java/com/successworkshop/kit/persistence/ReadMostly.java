package com.successworkshop.kit.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
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
 * rows' {@code @Version}, for a table whose rows are never deleted). The fingerprint is asked on every use, so a
 * replica sees another replica's write at its next read: there is no invalidation event to miss. The rows are loaded
 * detached, for every partner, and shared between threads: treat them as values.
 */
public final class ReadMostly<T> {

    private record Snapshot<T>(String fingerprint, List<T> rows) {
    }

    private final String table;
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
        this.table = table;
        this.fingerprintSql = fingerprintSql;
        this.load = load;
    }

    /** The rows as they are now: from memory when the fingerprint is unchanged, else loaded again. */
    public List<T> current(EntityManager em) {
        // Fingerprint first: a write that commits between the two statements only makes the next call load again.
        String fingerprint = fingerprint(em);
        Snapshot<T> s = snapshot;
        if (s != null && s.fingerprint().equals(fingerprint)) {
            return s.rows();
        }
        List<T> rows = loadFresh(em);
        snapshot = new Snapshot<>(fingerprint, rows);
        return rows;
    }

    /**
     * Through a stateless session on the caller's connection and transaction: the caller's persistence context would
     * hand back the entities it already holds, as they were when it first loaded them (a consumer batch that read the
     * catalog before another transaction retired a link kept the link ACTIVE under the new fingerprint).
     */
    private List<T> loadFresh(EntityManager em) {
        try (StatelessSession fresh = em.unwrap(Session.class).statelessWithOptions().connection().open()) {
            fresh.disableFilter(PartnerScope.FILTER);
            return List.copyOf(load.apply(fresh));
        }
    }

    private String fingerprint(EntityManager em) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // The caller's own pending rows of this table count: flushed first. A Hibernate query would instead dirty-check the
        // whole persistence context before every call to decide whether to flush (a third of task-service's consumer
        // samples in a catch-up, each batch's entities checked again at every event); plain JDBC on the same connection
        // and transaction skips that. A managed row changed in memory, not yet flushed, is seen once it is flushed.
        if (session.getActionQueue().areTablesToBeUpdated(Set.of(table))) {
            session.flush();
        }
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
