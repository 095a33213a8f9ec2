package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production shape as docker-compose.yml describes it, checked as far as a machine without a Docker engine can:
 * official images at the versions the hub is built with, every variable the prod profile reads passed to the hub
 * and required, the shipped broker configuration mounted and applied, health checks gating the start order, and
 * hubs that can be scaled. {@link StandaloneBrokerIT} runs the same shape with real processes.
 */
class DockerComposeFileTest {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(RUJUK_[A-Z0-9_]+):\\?[^}]+}");

    private static Path root;
    private static Map<String, Object> services;
    private static String dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        dockerfile = Files.readString(root.resolve("routes/Dockerfile"), StandardCharsets.UTF_8);
    }

    @Test
    void runsArtemisPostgresAndHub() {
        assertThat(services).containsOnlyKeys("artemis", "postgres", "hub");
    }

    @Test
    void buildsTheBrokerFromTheOfficialArtemisImageOfTheHubsArtemisVersion() {
        String artemisVersion = VersionLoader.getVersion().getFullVersion();
        assertThat(build("artemis")).containsEntry("dockerfile", "routes/Dockerfile").containsEntry("target", "artemis");
        assertThat(dockerfile).contains("ARG ARTEMIS_VERSION=" + artemisVersion + "\n")
                .contains("FROM apache/activemq-artemis:${ARTEMIS_VERSION} AS artemis\n");
        assertThat(service("artemis").get("image")).isEqualTo("rujuk-artemis:" + artemisVersion);
        // The one addition to the official image: the plugin that stamps the sender on AMQP messages.
        assertThat(stage("artemis")).contains("/opt/activemq-artemis/lib/rujuk-artemis-plugin.jar");
    }

    @Test
    void runsPostgresFromTheOfficialImage() {
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
    }

    @Test
    void buildsTheHubWithJava17AndRunsItWithTheProdProfile() {
        assertThat(build("hub")).containsEntry("context", ".").containsEntry("dockerfile", "routes/Dockerfile")
                .containsEntry("target", "hub");
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-17 AS build\n")
                .contains("FROM eclipse-temurin:17-jre AS hub\n");
        assertThat(stage("hub")).contains("--spring.profiles.active=prod");
    }

    @Test
    void passesEveryVariableTheProdProfileReadsToTheHub() throws IOException {
        assertThat(environment("hub").keySet()).containsAll(ProdProfile.variables());
    }

    @Test
    void refusesToStartWithoutASecret() {
        var secrets = new TreeSet<String>();
        for (String service : services.keySet()) {
            environment(service).forEach((name, value) -> {
                if (name.endsWith("PASSWORD")) {
                    assertThat(value).as("%s of %s comes from .env and is required", name, service).matches(REQUIRED);
                    secrets.add(REQUIRED.matcher(value).replaceAll("$1"));
                }
            });
        }
        assertThat(secrets).contains("RUJUK_BROKER_ADMIN_PASSWORD", "RUJUK_DB_PASSWORD", "RUJUK_POLICE_PASSWORD");
    }

    @Test
    void documentsEveryVariableInEnvExampleWithoutAnyPassword() throws IOException {
        var example = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(root.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        var used = new TreeSet<String>();
        for (String service : services.keySet()) {
            environment(service).values().forEach(value -> REQUIRED.matcher(value).results()
                    .forEach(match -> used.add(match.group(1))));
        }
        assertThat(example.keySet()).containsAll(used);
        example.forEach((name, value) -> {
            if (name.endsWith("PASSWORD")) {
                assertThat(value).as("%s in .env.example", name).isEmpty();
            }
        });
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void givesTheHubTheBrokersAdministratorAndTheComposeServicesAddresses() {
        var artemis = environment("artemis");
        var hub = environment("hub");
        assertThat(hub.get("RUJUK_BROKER_ADMIN_USER")).isEqualTo(artemis.get("ARTEMIS_USER"));
        assertThat(hub.get("RUJUK_BROKER_ADMIN_PASSWORD")).isEqualTo(artemis.get("ARTEMIS_PASSWORD"));
        assertThat(artemis).containsEntry("ANONYMOUS_LOGIN", "false");
        assertThat(hub).containsEntry("RUJUK_BROKER_URL", "tcp://artemis:61616")
                .containsEntry("RUJUK_DB_URL", "jdbc:postgresql://postgres:5432/" + environment("postgres").get("POSTGRES_DB"));
        assertThat(hub.get("RUJUK_DB_USER")).isEqualTo(environment("postgres").get("POSTGRES_USER"));
        assertThat(hub.get("RUJUK_DB_PASSWORD")).isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
    }

    @Test
    void saysExplicitlyThatItRunsWithoutTls() throws IOException {
        assertThat(environment("hub").get("RUJUK_ALLOW_INSECURE_TRANSPORT")).matches(REQUIRED);
        assertThat(Files.readAllLines(root.resolve(".env.example"))).contains("RUJUK_ALLOW_INSECURE_TRANSPORT=true");
        assertThat(environment("hub")).containsEntry("RUJUK_SECRETS_DIR", "/run/secrets/");
    }

    @Test
    void mountsAndAppliesTheShippedBrokerConfiguration() {
        String mount = "./routes/src/main/artemis/broker.properties:/opt/rujuk/broker.properties:ro";
        assertThat(list(service("artemis"), "volumes")).contains(mount);
        assertThat(root.resolve("routes/src/main/artemis/broker.properties")).isRegularFile();
        assertThat(list(service("artemis"), "command")).containsExactly("run", "--properties",
                "/opt/rujuk/broker.properties");
        // The broker's accounts (the hub adds them) and journal outlive the container.
        assertThat(list(service("artemis"), "volumes")).anyMatch(v -> v.endsWith(":/var/lib/artemis-instance"));
        assertThat(list(service("postgres"), "volumes")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
    }

    @Test
    void startsTheHubOnlyOnceBrokerAndDatabaseAreHealthy() {
        for (String service : services.keySet()) {
            assertThat(map(service(service), "healthcheck")).as("healthcheck of %s", service).containsKey("test");
        }
        var dependsOn = map(service("hub"), "depends_on");
        assertThat(dependsOn).containsOnlyKeys("artemis", "postgres");
        dependsOn.values().forEach(condition -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
        assertThat(String.join(" ", list(map(service("artemis"), "healthcheck"), "test"))).contains("check node --up");
        assertThat(String.join(" ", list(map(service("hub"), "healthcheck"), "test"))).contains("/actuator/health");
    }

    @Test
    void publishesTheBrokerAndLetsHubsScale() {
        assertThat(list(service("artemis"), "ports")).containsExactly("61616:61616");
        var hubPorts = list(service("hub"), "ports");
        assertThat(hubPorts).hasSize(1);
        // `docker compose up --scale hub=2` needs a host port per hub: a range, never one fixed port.
        assertThat(hubPorts.get(0)).matches("\\$\\{RUJUK_HUB_PORTS:-8080-\\d+}:8080");
        assertThat(service("hub")).doesNotContainKey("container_name");
    }

    private static Map<String, Object> service(String name) {
        return map(services, name);
    }

    private static Map<String, Object> build(String service) {
        return map(service(service), "build");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        var environment = new LinkedHashMap<String, String>();
        ((Map<String, Object>) service(service).get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return ((List<Object>) parent.get(key)).stream().map(String::valueOf).toList();
    }

    /** The Dockerfile's lines from {@code FROM ... AS name} to the next {@code FROM}. */
    private static String stage(String name) {
        int start = Pattern.compile("^FROM .* AS " + name + "$", Pattern.MULTILINE).matcher(dockerfile).results()
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + name + " in routes/Dockerfile"))
                .start();
        int end = dockerfile.indexOf("\nFROM ", start + 1);
        return dockerfile.substring(start, end < 0 ? dockerfile.length() : end);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
