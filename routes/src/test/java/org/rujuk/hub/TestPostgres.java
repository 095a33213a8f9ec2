package org.rujuk.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server (zonky's embedded binaries) for the whole test JVM, with durable settings, so the
 * ledger's migrations and SQL are tested on the database production runs on.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A database of its own on the same server, created on first use, for tests that need an empty ledger. */
    public static synchronized String jdbcUrl(String database) {
        jdbcUrl();
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's files are in a temporary directory
                }
            }));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }
}
