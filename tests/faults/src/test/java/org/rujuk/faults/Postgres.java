package org.rujuk.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL for the suite: zonky's binaries, durable settings, a fixed port and data directory, so that after a
 * {@code kill -9} the same server comes back on the same data. zonky starts the server detached ({@code pg_ctl}),
 * so it runs in a small JVM of its own ({@link #main}) that the suite can replace after killing the server.
 */
final class Postgres {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> javaCommand;
    private ChildProcess wrapper;

    Postgres(Path dataDir, int port, Path log, Map<String, String> environment, List<String> java) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.environment = environment;
        this.javaCommand = java;
    }

    /** Runs the server until this JVM's standard input closes (the suite ended) or it is told to stop. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        var server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        System.out.println("POSTGRES READY " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the suite to go away
        }
        System.exit(0);
    }

    void start() throws Exception {
        Files.createDirectories(dataDir.getParent());
        var command = new ArrayList<>(javaCommand);
        command.addAll(List.of(Postgres.class.getName(), dataDir.toString(), String.valueOf(port)));
        wrapper = new ChildProcess("postgres", log, command, environment, dataDir.getParent());
        Waits.until("PostgreSQL ready", 120, () -> {
            wrapper.assertAlive();
            return canConnect();
        });
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A new, empty database for one fault's hub; its name from the fault's. */
    String newDatabase(String name) throws SQLException {
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"));
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        return database;
    }

    private boolean canConnect() {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"))) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** SIGKILL to the postmaster and every backend: what a crashed database server looks like to the hub. */
    void kill() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        var handle = ProcessHandle.of(postmaster).orElseThrow();
        var backends = handle.descendants().toList();
        handle.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        handle.onExit().get(30, TimeUnit.SECONDS);
        for (var backend : backends) {
            backend.onExit().get(30, TimeUnit.SECONDS);
        }
        wrapper.kill();
    }

    void stop() {
        if (wrapper != null) {
            wrapper.stop();
        }
    }
}
