package com.successworkshop.kit.persistence;

import com.successworkshop.kit.testing.ServiceTestInfra;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database migrated before the kit owned its tables (V1 ending with the outbox/inbox/idempotency block, a V2 adding the
 * trace parent, the kit's old repeatable script) migrates with today's files, on the real PostgreSQL.
 */
class KitSchemaTest {

    static final String OLD = "kit_schema_old_" + ServiceTestInfra.RUN;
    static final String EDITED = "kit_schema_edited_" + ServiceTestInfra.RUN;
    static final ClassLoader LOADER = KitSchemaTest.class.getClassLoader();

    @BeforeAll
    static void databases() {
        ServiceTestInfra.admin("create database " + OLD);
        ServiceTestInfra.admin("create database " + EDITED);
    }

    @AfterAll
    static void drop() {
        ServiceTestInfra.admin("drop database if exists " + OLD + " with (force)");
        ServiceTestInfra.admin("drop database if exists " + EDITED + " with (force)");
    }

    /** Today's V1 of the kit's test app with the pre-kit block after it, the trace-parent V2 and the old repeatable script. */
    static Path preKitFiles(Path dir, String extraLine) throws Exception {
        List<String> v1 = new ArrayList<>(KitSchema.lines("db/migration/V1__kit_test.sql", LOADER));
        v1.addAll(KitSchema.lines(KitSchema.LEGACY_V1_BLOCK, LOADER));
        v1.add(extraLine);
        Files.write(dir.resolve("V1__kit_test.sql"), v1);
        Files.write(dir.resolve("V2__outbox_trace_parent.sql"), KitSchema.lines(KitSchema.LEGACY_TRACE_PARENT, LOADER));
        List<String> repeatable = new ArrayList<>(KitSchema.lines(KitSchema.BEFORE_MIGRATE, LOADER));
        repeatable.addAll(KitSchema.lines(KitSchema.AFTER_MIGRATE, LOADER));
        Files.write(dir.resolve("R__platform_kit.sql"), repeatable);
        return dir;
    }

    static Flyway flyway(String database, String location, boolean kit) {
        var config = Flyway.configure().dataSource(ServiceTestInfra.jdbcUrl(database), "postgres", "").locations(location);
        if (kit) {
            config.callbacks(KitSchema.ensureTablesAroundMigrate(LOADER));
        }
        return config.load();
    }

    static void repair(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(ServiceTestInfra.jdbcUrl(database), "postgres", "")) {
            KitSchema.repairHistory(c, "flyway_schema_history", "db/migration", LOADER);
        }
    }

    @Test
    void aDatabaseMigratedBeforeTheKitValidatesAndMigratesWithTodaysFiles(@TempDir Path dir) throws Exception {
        flyway(OLD, "filesystem:" + preKitFiles(dir, ""), false).migrate();
        // As Quarkus records them: the script with its location.
        try (Connection c = DriverManager.getConnection(ServiceTestInfra.jdbcUrl(OLD), "postgres", "")) {
            c.createStatement().execute("update flyway_schema_history set script = 'db/migration/' || script");
        }
        // Without the repair today's V1 does not match what the database ran.
        assertThrows(FlywayValidateException.class, () -> flyway(OLD, "classpath:db/migration", true).validate());

        repair(OLD);
        flyway(OLD, "classpath:db/migration", true).migrate();
        flyway(OLD, "classpath:db/migration", true).validate();
        try (Connection c = DriverManager.getConnection(ServiceTestInfra.jdbcUrl(OLD), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select script from flyway_schema_history order by installed_rank")) {
            List<String> scripts = new ArrayList<>();
            while (rs.next()) {
                scripts.add(rs.getString(1));
            }
            assertEquals(List.of("db/migration/V1__kit_test.sql"), scripts.stream().filter(s -> !s.startsWith("<<")).toList());
            assertTrue(c.createStatement().executeQuery("select trace_parent from outbox_event").getMetaData().getColumnCount() == 1);
        }
    }

    @Test
    void aV1ChangedInAnyOtherWayStillFailsValidation(@TempDir Path dir) throws Exception {
        flyway(EDITED, "filesystem:" + preKitFiles(dir, "-- an edit after the fact"), false).migrate();
        repair(EDITED);
        assertThrows(FlywayValidateException.class, () -> flyway(EDITED, "classpath:db/migration", true).migrate());
    }
}
