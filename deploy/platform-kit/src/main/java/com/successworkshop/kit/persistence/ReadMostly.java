package com.successworkshop.kit.persistence;

import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A small table that changes rarely but is read for every event (the resource catalog, the published task templates),
 * kept in memory and reloaded when a one-row fingerprint query answers differently (a row count and the sum of the
 * rows' {@code @Version}, for a table whose rows are never deleted). The fingerprint is asked on every use, so a
 * replica sees another replica's write at its next read: there is no invalidation event to miss. The rows are loaded
 * read-only and shared between threads: treat them as values.
 */
public final class ReadMostly<T> {

    private record Snapshot<T>(String fingerprint, List<T> rows) {
    }

    private final String fingerprintSql;
    private final Function<EntityManager, List<T>> load;
    private volatile Snapshot<T> snapshot;

    /**
     * @param fingerprintSql native SQL answering one row that changes whenever the rows do
     * @param load           the rows, read in the caller's transaction
     */
    public ReadMostly(String fingerprintSql, Function<EntityManager, List<T>> load) {
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
        List<T> rows = List.copyOf(load.apply(em));
        snapshot = new Snapshot<>(fingerprint, rows);
        return rows;
    }

    private String fingerprint(EntityManager em) {
        Object row = em.createNativeQuery(fingerprintSql).getSingleResult();
        return row instanceof Object[] columns ? Arrays.toString(columns) : String.valueOf(row);
    }
}
