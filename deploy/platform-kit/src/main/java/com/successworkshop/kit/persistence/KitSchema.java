package com.successworkshop.kit.persistence;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The kit owns its tables (outbox, inbox, idempotency keys, parked events) in every service's database: they are
 * created, if missing, by idempotent DDL around Flyway's migrate ({@link #ensureTablesAroundMigrate}): the first three
 * before a service's migrations (the catalog's seed writes to the outbox), parked events after them (ssat-service's V1
 * created that table before the kit existed). Before the kit, each service's V1 ended with the same block creating them, and a V2 (V3 in the catalog)
 * added the trace parent; {@link #repairHistory} lets a database migrated back then validate against today's files,
 * changing only history rows that differ from today's files by exactly what moved into the kit.
 */
public final class KitSchema {

    private static final Logger LOG = Logger.getLogger(KitSchema.class);
    static final String BEFORE_MIGRATE = "platform-kit/before-migrate.sql";
    static final String AFTER_MIGRATE = "platform-kit/after-migrate.sql";
    /** The block every service's V1 ended with, byte for byte: its checksum with V1 is what a database migrated then holds. */
    static final String LEGACY_V1_BLOCK = "platform-kit/legacy/V1-conventions.sql";
    static final String LEGACY_TRACE_PARENT = "platform-kit/legacy/outbox-trace-parent.sql";
    static final String LEGACY_REPEATABLE = "R__platform_kit.sql";

    private KitSchema() {
    }

    /** Runs the kit's idempotent DDL; Flyway has created its history table by then, so a new database is not "non-empty". */
    public static Callback ensureTablesAroundMigrate(ClassLoader loader) {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                run(context.getConnection(), event == Event.BEFORE_MIGRATE ? BEFORE_MIGRATE : AFTER_MIGRATE, loader);
            }

            @Override
            public String getCallbackName() {
                return "platform-kit tables";
            }
        };
    }

    /** Any fixed key: replicas migrating one database at once take turns (concurrent "create … if not exists" collide). */
    private static final long DDL_LOCK = 0x6B69745F64646CL;

    static void run(Connection connection, String script, ClassLoader loader) {
        try (Statement s = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                // Inside Flyway's transaction: held until it commits or rolls back.
                s.execute("select pg_advisory_xact_lock(" + DDL_LOCK + ")");
                s.execute(String.join("\n", lines(script, loader)));
                return;
            }
            s.execute("select pg_advisory_lock(" + DDL_LOCK + ")");
            try {
                s.execute(String.join("\n", lines(script, loader)));
            } finally {
                s.execute("select pg_advisory_unlock(" + DDL_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The platform kit's tables could not be created: " + e.getMessage(), e);
        }
    }

    /**
     * For a database whose history predates the kit: V1 rows whose checksum is today's V1 plus the moved block get
     * today's checksum; the trace-parent migration and the kit's old repeatable script leave the history (their DDL is
     * the kit's scripts now). Any other difference still fails Flyway's validation, as it should. Returns the rows changed.
     */
    public static int repairHistory(Connection connection, String historyTable, String location, ClassLoader loader) throws SQLException {
        if (!exists(connection, historyTable)) {
            return 0;
        }
        List<String> block = lines(LEGACY_V1_BLOCK, loader);
        int traceParent = checksum(lines(LEGACY_TRACE_PARENT, loader));
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("select installed_rank, script, checksum from " + historyTable + " where success");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[]{rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3)});
            }
        }
        int changed = 0;
        for (Object[] row : rows) {
            int rank = (Integer) row[0];
            // Quarkus records the script with its location ("db/migration/V1__x.sql"), plain Flyway without it.
            String script = (String) row[1];
            String file = script.substring(script.lastIndexOf('/') + 1);
            String resource = script.contains("/") ? script : location + "/" + script;
            Integer stored = (Integer) row[2];
            if (file.startsWith("V1__") && stored != null && loader.getResource(resource) != null) {
                List<String> today = lines(resource, loader);
                List<String> before = new ArrayList<>(today);
                before.addAll(block);
                if (stored == checksum(before) && stored != checksum(today)) {
                    changed += update(connection, "update " + historyTable + " set checksum = ? where installed_rank = ?", checksum(today), rank);
                    LOG.infof("Flyway history: %s predates the platform kit; its checksum now matches the file without the kit's tables", script);
                }
            } else if ((file.matches("V\\d+__outbox_trace_parent\\.sql") && stored != null && stored == traceParent)
                    || file.equals(LEGACY_REPEATABLE)) {
                changed += update(connection, "delete from " + historyTable + " where installed_rank = ?", null, rank);
                LOG.infof("Flyway history: %s is part of the platform kit's tables now; its row is removed", script);
            }
        }
        return changed;
    }

    private static int update(Connection c, String sql, Integer checksum, int rank) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            int i = 1;
            if (checksum != null) {
                u.setInt(i++, checksum);
            }
            u.setInt(i, rank);
            return u.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select to_regclass(?) is not null")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Flyway's checksum of a SQL script: CRC32 over its lines' UTF-8 bytes, line breaks and a leading BOM left out. */
    static int checksum(List<String> lines) {
        CRC32 crc = new CRC32();
        for (String line : lines) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    static List<String> lines(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
