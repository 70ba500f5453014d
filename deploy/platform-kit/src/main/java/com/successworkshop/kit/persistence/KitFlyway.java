package com.successworkshop.kit.persistence;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;

/** Every service's Flyway: the kit's tables before the service's migrations, and a pre-kit history made to validate. */
@Singleton
public class KitFlyway implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // Before Flyway reads its history (it caches the rows), so validation sees the repaired checksums.
        try (Connection c = configuration.getDataSource().getConnection()) {
            String location = Arrays.stream(configuration.getLocations()).map(l -> l.getPath()).findFirst().orElse("db/migration");
            KitSchema.repairHistory(c, configuration.getTable(), location, loader);
        } catch (SQLException e) {
            throw new IllegalStateException("The Flyway history could not be read: " + e.getMessage(), e);
        }
        configuration.callbacks(Stream.concat(Arrays.stream(configuration.getCallbacks()),
                Stream.of(KitSchema.ensureTablesAroundMigrate(loader))).toArray(Callback[]::new));
    }
}
