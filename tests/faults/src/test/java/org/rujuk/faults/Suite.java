package org.rujuk.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the suite finds what it runs (all prepared by Maven, see tests/faults/pom.xml) and how it runs Java. */
record Suite(Path workDir, Path artemisHome, Path underTest, Path pluginJar, Path brokerProperties,
        String classpath) {

    static Suite fromSystemProperties() throws IOException {
        String classpath = Files.readString(path("faults.classpath-file")).trim()
                + java.io.File.pathSeparator + path("faults.test-classes");
        return new Suite(path("faults.work-dir"), path("faults.artemis-home"), path("faults.under-test"),
                path("faults.plugin-jar"), path("faults.broker-properties"), classpath);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven: "
                    + "tests/faults/run)");
        }
        return Path.of(value).toAbsolutePath();
    }

    Map<String, String> javaEnvironment() {
        var env = new LinkedHashMap<>(System.getenv());
        env.keySet().removeIf(key -> key.startsWith("RUJUK_") || key.startsWith("SPRING_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    /** A small JVM on the suite's classpath, for the generator, the agencies and PostgreSQL's keeper. */
    List<String> java(String heap) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath));
        return command;
    }

    Path hubJar() {
        return underTest.resolve("rujuk-hub.jar");
    }
}
