package org.rujuk.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub jar the build produced, as production runs it ({@code prod} profile: external broker, PostgreSQL),
 * with the suite's poison-message plugin on Spring Boot's {@code loader.path}. Started, killed with SIGKILL and
 * started again on the same broker and database.
 */
final class Hub {

    private final Suite suite;
    private final Path dir;
    private final Map<String, String> environment;
    private final List<String> extraArguments;
    private ChildProcess process;
    private int port;
    private int starts;

    Hub(Suite suite, Path dir, Map<String, String> environment, List<String> extraArguments) {
        this.suite = suite;
        this.dir = dir;
        this.environment = environment;
        this.extraArguments = extraArguments;
    }

    /** Starts the hub and returns at once: after a kill the suite restarts it without waiting. */
    void start() throws IOException {
        port = TestPorts.free();
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dloader.path=" + suite.pluginJar(),
                "-cp", suite.hubJar().toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--spring.profiles.active=prod", "--server.port=" + port));
        command.addAll(extraArguments);
        process = new ChildProcess("hub", dir.resolve("hub.log"), command, environment, dir);
        starts++;
    }

    void awaitHealthy() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Waits.until("hub healthy", 180, () -> {
            process.assertAlive();
            try {
                var response = http.send(health, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    int starts() {
        return starts;
    }
}
